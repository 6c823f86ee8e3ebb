"""General English cue words for typing, coreference and relation triggers.

Only common vocabulary lives here; names of particular entities never do (those come
from data packages or a user's gazetteer).
"""

from __future__ import annotations

# Nouns that say the name next to them is an organisation.
ORG_NOUNS = frozenset(
    """company companies firm firms automaker automakers carmaker carmakers maker makers
    manufacturer manufacturers conglomerate conglomerates group brand brands agency
    agencies bank banks startup start-up producer producers supplier suppliers giant
    giants corporation corporations enterprise enterprises operator operators developer
    developers university institute ministry ministries partner partners rival rivals
    subsidiary subsidiaries unit venture ventures consortium exporter exporters importer
    importers retailer retailers outlet outlets broadcaster newspaper publisher
    think-tank organisation organization organisations organizations association
    federation council union champion champions bloc miner miners consultancy consultancies
    lender lenders insurer insurers airline airlines regulator regulators fund funds chipmaker
    chipmakers steelmaker steelmakers recycler recyclers refiner refiners shipbuilder shipbuilders
    utility utilities""".split()
)
# Organisation nouns for public bodies rather than businesses ("the bloc", "the ministry").
PUBLIC_BODY_NOUNS = frozenset(
    """agency agencies ministry ministries university institute council union bloc regulator
    regulators federation association organisation organization""".split()
)
# Nouns that say the name next to them is a product model ("the T03, a small city car",
# "the Lyriq electric SUV").
MODEL_NOUNS = frozenset(
    """car cars suv suvs sedan sedans hatchback hatchbacks vehicle vehicles model models pickup
    pickups crossover crossovers minivan minivans bev bevs coupe roadster truck trucks van vans bus buses
    hybrid hybrids""".split()
)
# Nouns that say the name next to them is a person.
PERSON_NOUNS = frozenset(
    """expert experts analyst analysts economist economists official officials spokesperson
    spokesman spokeswoman executive executives founder founders chairman chairwoman chair
    president ceo cfo director directors minister ministers researcher researchers
    professor engineer engineers lawmaker lawmakers diplomat ambassador secretary
    governor mayor manager managers head leader leaders adviser advisor consultant
    commissioner chancellor premier representative officer officers treasurer""".split()
)
PLACE_NOUNS = frozenset("city cities town province region country countries state".split())
# Nouns a place's name stands beside ("the city of Gdansk", "Hidalgo state"); the first four
# name areas inside a country (a homonymous city is not meant).
SUBDIVISION_NOUNS = frozenset("state province region county".split())
AREA_NOUNS = SUBDIVISION_NOUNS | {"city", "town", "district", "island"}
# Nouns for the edge of a place, whose "of" phrase names it ("on the outskirts of P").
EDGE_NOUNS = frozenset("outskirts edge suburbs fringe".split())
# Nouns of land set aside for industry, whose own place phrase places what stands on them
# ("a factory in an industrial zone in P").
ESTATE_NOUNS = frozenset("zone park estate area hub cluster corridor".split())
# Nouns whose "of" phrase names a place ("the port of Jorf Lasfar", "the mayor of Ulsan").
PLACE_OF_NOUNS = AREA_NOUNS | {"port", "capital", "mayor", "governor"}
# Nouns naming a built facility; an NP headed by one becomes a facility entity.
FACILITY_NOUNS = frozenset(
    """factory factories plant plants facility facilities gigafactory campus complex
    refinery smelter foundry mill assembly-line line hub centre center""".split()
)
# Titles that, placed before a name, give the person a position.
TITLE_WORDS = frozenset(
    """minister president ceo chairman chairwoman chair director secretary governor mayor
    ambassador spokesperson spokesman spokeswoman chancellor premier commissioner
    executive officer head founder co-founder general manager managing prime deputy vice chief
    senator representative envoy king queen prince gov. sen. rep. pres.""".split()
)
# Portfolios a national minister's title may open with ("Economy Minister", "Trade Minister").
PORTFOLIO_WORDS = frozenset("""economy economic finance trade industry energy foreign interior defence defense
    investment investments commerce transport environment agriculture health labour labor mining mines digital
    science technology education justice infrastructure development planning treasury tourism""".split())
# Titles as news abbreviates them before a name ("Gov. Jane Doe").
TITLE_ABBREVIATIONS = {"gov.": "governor", "sen.": "senator", "rep.": "representative", "pres.": "president"}
# Company titles whose "of" phrase names a company ("chief executive of X"), not a state.
COMPANY_TITLES = frozenset(
    "ceo chairman chairwoman executive officer founder co-founder shareholder shareholders".split()
)
# Things only an organisation has: "X's board", "X's shareholders".
ORG_POSSESSIONS = frozenset(
    """board shareholders shareholder shares stock subsidiary subsidiaries unit units
    customers creditors lenders ceo chairman founder co-founder headquarters""".split()
)
# Titles that make a person the head of the organisation they are "of".
HEAD_TITLES = frozenset(
    """director ceo chairman chairwoman chair president head founder co-founder
    chief executive""".split()
)
# Short all-caps tokens NER likes to call ORG that name concepts, not bodies.
JUNK_NAMES = frozenset(
    """ev evs nev nevs bev bevs phev phevs hev suv suvs ceo cfo cto gdp ai it r&d ipo
    esg co2 lng lfp nmc kwh gwh mwh km ice""".split()
)
PRONOUNS_PERSON = frozenset("he him his she her hers himself herself".split())
PRONOUNS_THING = frozenset("it its itself".split())
DETERMINERS = frozenset("the this that these those a an".split())
ORG_SUFFIXES = frozenset(
    """inc inc. corp corp. corporation co co. ltd ltd. llc plc ag gmbh sa s.a. nv bv ab
    as asa spa s.p.a. limited company group holding holdings""".split()
)
# Words for a company's line of business that end its name ("Southern Cross Lithium" is
# "Southern Cross" once introduced), as opposed to a name of its own ("Acme Qudra").
BUSINESS_WORDS = frozenset(
    """lithium energy mining minerals resources metals motor motors auto automotive battery
    batteries cells chemical chemicals materials steel power electric electronics technology
    technologies solutions industries international global mobility""".split()
)
# Legal forms written before a company's name ("PT Acme Indonesia", "JSC Acme").
ORG_PREFIXES = frozenset({"PT", "JSC", "PJSC", "OJSC", "CJSC", "OAO", "PAO", "OOO", "ZAO"})
# Cue words that lower a fact's confidence and are recorded as its hedge.
HEDGES = {
    "plan": "planned", "aim": "planned", "intend": "planned", "expect": "expected",
    "hope": "planned", "consider": "considered", "seek": "sought", "want": "planned",
    "claim": "claimed", "rumour": "rumoured", "rumor": "rumoured", "report": "reported",
    "deny": "denied", "may": "possible", "might": "possible", "could": "possible",
    "reportedly": "reported", "allegedly": "claimed", "would": "possible",
}
DENIALS = frozenset({"deny", "reject", "dismiss"})

# Last words of company names: a name NER calls a person but ending so is a company
# ("Teck Resources", "Acme Mining", "Volvo Cars").
ORG_NAME_WORDS = frozenset(
    """resources motors motor energy group holdings holding technologies technology mining metals
    minerals bank capital partners systems electric electronics solutions industries airlines
    pharma pharmaceuticals steel lithium battery batteries automotive corp corporation inc ltd
    plc ag gmbh co company cars auto chemicals materials power semiconductor investments
    ventures logistics shipping telecom networks trading""".split()
)
# Words that make a name a public body's ("Ministry of Commerce"), never a company's short name.
STATE_WORDS = frozenset("ministry department commission agency office bureau council".split())
