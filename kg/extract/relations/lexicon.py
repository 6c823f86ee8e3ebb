"""Relation rules as data: trigger words and frames the matchers read (general English, no names)."""

from __future__ import annotations

from kg.extract.lexicon import PORTFOLIO_WORDS  # noqa: F401  (read by the title rules)
from kg.model import Kind

AGENT = (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY, Kind.CITY, Kind.REGION, Kind.PLACE)
ACTOR = (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY)
BODY = (Kind.ORGANIZATION, Kind.COUNTRY)
PLACE = (Kind.COUNTRY, Kind.CITY, Kind.REGION, Kind.PLACE)
ANY = AGENT + (Kind.PRODUCT, Kind.EVENT, Kind.ROLE)




# verb lemma -> [(slot, relation, subject types, object types, confidence)]
# slot: "dobj" (direct object or attribute), or "prep:<word>" (object of that preposition)
VERB_RULES: dict[str, list[tuple[str, str, tuple, tuple, float]]] = {
    "visit": [("dobj", "visited", ACTOR, PLACE + (Kind.ORGANIZATION,), 0.9)],
    "tour": [("dobj", "visited", ACTOR, PLACE + (Kind.ORGANIZATION,), 0.85)],
    "travel": [("prep:to", "visited", (Kind.PERSON,), PLACE, 0.8)],
    "arrive": [("prep:in", "visited", (Kind.PERSON,), PLACE, 0.75)],  # "arrived in Lisbon for talks"
    "meet": [("dobj", "metWith", ACTOR, ACTOR, 0.85), ("prep:with", "metWith", ACTOR, ACTOR, 0.85)],
    # a leader who receives or hosts a visitor meets them
    "receive": [("dobj", "metWith", (Kind.PERSON,), (Kind.PERSON,), 0.75)],
    "host": [("dobj", "metWith", (Kind.PERSON,), (Kind.PERSON,), 0.7)],
    "engage": [("prep:with", "metWith", (Kind.PERSON,), ACTOR, 0.75)],
    "talk": [("prep:with", "metWith", ACTOR, ACTOR, 0.75)],
    "partner": [("prep:with", "partnersWith", BODY, BODY, 0.85)],
    "team": [("prep:with", "partnersWith", BODY, BODY, 0.8)],
    "collaborate": [("prep:with", "partnersWith", BODY, BODY, 0.8)],
    "cooperate": [("prep:with", "cooperatesWith", BODY, BODY, 0.8)],
    "ally": [("prep:with", "partnersWith", BODY, BODY, 0.75)],
    "invest": [("prep:in", "investsIn", BODY + (Kind.PERSON,), BODY + PLACE, 0.85)],
    # "put / pour 510 million yuan into the venture"
    "put": [("prep:into", "investsIn", BODY, (Kind.ORGANIZATION,), 0.75)],
    "pour": [("prep:into", "investsIn", BODY, BODY + PLACE, 0.8)],
    "plough": [("prep:into", "investsIn", BODY, BODY + PLACE, 0.8)],
    "launch": [("dobj", "launched", BODY, (Kind.ORGANIZATION, Kind.PRODUCT, Kind.EVENT), 0.75)],
    "unveil": [("dobj", "launched", BODY, (Kind.ORGANIZATION, Kind.PRODUCT, Kind.EVENT), 0.75)],
    "tell": [("dobj", "quotedBy", (Kind.PERSON,), (Kind.ORGANIZATION,), 0.8),
             ("dative", "quotedBy", (Kind.PERSON,), (Kind.ORGANIZATION,), 0.8)],
    "back": [("dobj", "supports", BODY + (Kind.PERSON,), BODY, 0.75)],
    "head": [("dobj", "directorOf", (Kind.PERSON,), (Kind.ORGANIZATION,), 0.8)],
    "lead": [("dobj", "directorOf", (Kind.PERSON,), (Kind.ORGANIZATION,), 0.7)],
    "run": [("dobj", "directorOf", (Kind.PERSON,), (Kind.ORGANIZATION,), 0.7)],
    "work": [("prep:for", "worksFor", (Kind.PERSON,), (Kind.ORGANIZATION,), 0.8),
             ("prep:at", "worksFor", (Kind.PERSON,), (Kind.ORGANIZATION,), 0.75)],
    "join": [("dobj", "memberOf", BODY, (Kind.ORGANIZATION,), 0.7)],
    "belong": [("prep:to", "partOf", (Kind.ORGANIZATION, Kind.PLACE), (Kind.ORGANIZATION,), 0.75)],
    "attend": [("dobj", "attended", ACTOR, (Kind.EVENT, Kind.ORGANIZATION), 0.8)],
    "base": [("prep:in", "basedIn", (Kind.ORGANIZATION, Kind.PERSON), PLACE, 0.85)],
    "headquarter": [("prep:in", "headquarteredIn", (Kind.ORGANIZATION,), PLACE, 0.9)],
    "locate": [("prep:in", "locatedIn", (Kind.ORGANIZATION, Kind.PLACE), PLACE, 0.8)],
    "supply": [("prep:to", "partnersWith", (Kind.ORGANIZATION,), (Kind.ORGANIZATION,), 0.6)],
    "acquire": [],
    "sign": [("prep:with", "cooperatesWith", BODY, BODY, 0.7)],
}
# noun lemma -> (preposition, relation, object types, confidence); subject from the
# noun's possessor or the clause that governs it.
NOUN_RULES: dict[str, list[tuple[str, str, tuple, float]]] = {
    "visit": [("to", "visited", PLACE + (Kind.ORGANIZATION,), 0.85)],
    "trip": [("to", "visited", PLACE, 0.8)],
    "meeting": [("with", "metWith", ACTOR, 0.75)],
    "talk": [("with", "metWith", ACTOR, 0.75)],
    "investment": [("in", "investsIn", BODY + PLACE, 0.8)],
    "launch": [("of", "launched", (Kind.ORGANIZATION, Kind.PRODUCT, Kind.EVENT), 0.75)],
    "partnership": [("with", "partnersWith", BODY, 0.8)],
    "cooperation": [("with", "cooperatesWith", BODY, 0.75)],
    "collaboration": [("with", "cooperatesWith", BODY, 0.75)],
    "agreement": [("with", "partnersWith", BODY, 0.7)],
    "deal": [("with", "partnersWith", BODY, 0.7)],
    "memorandum": [("with", "cooperatesWith", BODY, 0.7)],
    "mou": [("with", "cooperatesWith", BODY, 0.7)],
    "venture": [("with", "partnersWith", BODY, 0.8)],
    "tariff": [("on", "imposesTariffOn", BODY, 0.8)],
    "duty": [("on", "imposesTariffOn", BODY, 0.75)],
    "surtax": [("on", "imposesTariffOn", BODY, 0.8)],
    "surcharge": [("on", "imposesTariffOn", BODY, 0.75)],
    "trade": [("with", "tradesWith", BODY, 0.75)],
}
# Verb + "hands"/"forces" or copula + cooperation nouns: the coordinated subjects partner.
PARTNERING_OBJECTS = {"hand", "force"}
PARTNERING_NOUNS = {"cooperation", "partnership", "collaboration", "talk", "alliance", "venture"}
# Nouns for the ties that two subjects deepen together ("A and B will expand their cooperation").
TIES_NOUNS = {"cooperation", "partnership", "collaboration", "tie"}
# Binding agreements: between companies a partnership, with a public body cooperation
# (a memorandum of understanding is cooperation whoever signs it).
PACT_NOUNS = {"agreement", "deal", "contract", "pact", "accord"}
AGREEMENT_NOUNS = {"memorandum", "agreement", "deal", "pact", "accord", "treaty", "contract", "mou"}
# Words naming a body of a state: "China's Ministry of Commerce" is part of China.
STATE_BODIES = {"ministry", "department", "commission", "agency", "embassy", "parliament", "customs",
                "council", "office", "bureau", "administration", "authority", "cabinet", "senate"}
# A company that belongs to another: "Acme's battery unit X", "X, a subsidiary of Acme".
GROUP_WORDS = {"group", "holding", "holdings", "alliance", "conglomerate", "groupe", "gruppe"}
SUBSIDIARY_NOUNS = {"unit", "subsidiary", "arm", "division", "affiliate"}
CONTINENTS = {"Europe", "Asia", "Africa", "North America", "South America", "Latin America",
              "Southeast Asia", "Middle East", "Oceania"}
# Participles that name a venture's members: "formed by A and B", "made up of A, B and C".
MEMBERSHIP_VERBS = {"form", "make", "comprise", "consist", "set", "create", "establish", "own"}
# Nouns that head the name of an event ("the Tashkent International Investment Forum").
EVENT_NOUNS = {"forum", "summit", "conference", "expo", "exhibition", "fair", "congress", "show",
               "festival", "meet", "dialogue", "roundtable", "symposium", "convention", "week"}
# Nouns of gatherings that have no name of their own in most stories ("the groundbreaking
# ceremony for the plant", "a press conference in Hangzhou"); a story's later "the ceremony"
# is the same gathering.
OCCASION_NOUNS = {"ceremony", "inauguration", "groundbreaking", "reception", "gathering", "event",
                  "function", "presentation", "announcement", "retreat", "conference", "forum",
                  "summit", "signing", "launch"}
# Verbs whose object is a gathering the subject was at ("X addressed the forum").
ATTENDING_VERBS = {"attend", "address", "tell", "join", "grace", "witness"}
# Verbs by which a subject opens a site ("X inaugurated the plant") rather than builds it.
OPENING_VERBS = {"open", "inaugurate", "commission"}
_EVENT_SKIP = {"annual", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
               "ninth", "tenth", "this", "year", "'s"}
# Participles that date an organisation's start: "founded in 2016", "set up in 2019".
FOUNDING_VERBS = {"found", "co-found", "establish", "form", "create", "register", "incorporate", "set"}
CONSTRUCTION = {"build", "construct", "establish", "open", "erect", "set", "develop"}
CONSTRUCTION_NOUNS = {"construction", "building", "opening"}
# Parts of a works that stand for it ("inaugurated the first phase of its complex").
PHASE_NOUNS = {"phase", "stage", "section", "part", "expansion", "extension"}
# Verbs that say where a plant goes ("put / locate its factory in P").
SITING_VERBS = {"put", "place", "locate", "site"}
TRADE_WORDS = {"trade", "export", "import", "exports", "imports", "traded"}
INVEST_WORDS = {"invest", "investment", "pour", "plough", "capex", "expenditure"}
SPEND_VERBS = {"invest", "spend", "put", "pour", "plough", "commit", "allocate"}
# Verbs and nouns of money given for a purpose ("earmarked $X to retool its plant", "set aside
# $X for the first phase", "offered a loan of $X to Acme", "capital spending of $X").
FUND_VERBS = SPEND_VERBS - {"invest"} | {"earmark", "provide", "offer", "lend", "grant", "award", "budget"}
FUND_NOUNS = {"loan", "grant", "funding", "financing", "subsidy", "capex", "spending", "expenditure"}
SALES_NOUNS = {"sale", "delivery", "shipment", "export", "order", "registration"}
SALES_WORDS = {"sell", "sale", "deliver", "delivery", "shipment", "ship"}
# Words that make a count an output: production words say so themselves, the verbs of
# building and turning out only with "a year" ("builds 50,000 cars a year").
OUTPUT_WORDS = {"capacity", "produce", "manufacture", "output", "assemble", "make"}
# "designed to reach N tonnes a year", "expected to yield N tonnes a year": with a yearly
# rate these speak of what a works can do
CAPACITY_WORDS = OUTPUT_WORDS | {"build", "turn", "roll", "process", "design", "yield", "recycle", "refine", "handle"}
# Acts and belongings of a state, by which a capital's name stands for its country ("Beijing
# said", "Ottawa imposed", "Ottawa's surtaxes").
STATE_VERBS = {"say", "announce", "impose", "plan", "retaliate", "respond", "warn", "urge", "accuse",
               "reject", "welcome", "pledge", "threaten", "ask", "demand", "criticize", "criticise",
               "protest", "agree", "sign", "seek", "want", "insist", "deny", "vow", "file", "launch",
               "raise", "cut", "ban", "restrict", "approve", "block", "counter", "hit", "target"}
STATE_NOUNS = {"tariff", "surtax", "duty", "levy", "ban", "policy", "government", "response",
               "decision", "move", "measure", "sanction", "restriction", "plan", "position", "ministry"}
# Titles of people posted to a country ("ambassador to India").
ENVOY_TITLES = {"ambassador", "envoy", "consul", "consul-general", "high commissioner"}
# Verbs by which a person takes or leaves an office named after "as" ("stepped down as CEO").
ROLE_CHANGE_VERBS = {"step", "resign", "retire", "quit", "name", "appoint", "elect", "choose", "pick",
                     "hire", "select", "serve", "join", "become", "remain", "continue", "stay", "promote", "elevate"}
# Verbs that send goods to the market whose tariffs they meet ("cars shipped to the EU").
SHIPPING_VERBS = frozenset({"ship", "export", "sell", "send", "import", "bring"})
# Verbs by which a company pays or is given a duty rate ("BYD will pay 17%", "set at 18.8%").
RATE_VERBS = {"pay", "face", "set", "obtain", "get", "receive", "incur", "attract", "charge"}
# Verbs that make the amount below them a goal, not a capacity ("wants to build 20,000 cars").
GOAL_VERBS = {"want", "aim", "hope", "target", "seek", "wish"}
JOBS_WORDS = {"job", "worker", "employee", "people", "staff"}
# Verbs of jobs lost, not held: "will cut 1,600 jobs" says nothing of the workforce.
JOB_CUT_VERBS = {"cut", "shed", "eliminate", "axe", "slash", "lose", "lay", "reduce", "trim", "scrap"}
# People who stand for the body they come from when someone meets them.
DELEGATE_NOUNS = {"executive", "official", "representative", "delegation", "leader", "manager"}
# Verbs that date a planned start: "start production in 2026", "production slated for 2027".
# ("slat" is how the lemmatiser reads "slated")
START_WORDS = {"roll", "start", "begin", "commence", "launch", "slate", "slat", "schedule", "complete", "finish",
               "open", "inaugurate"}
# Verbs whose works, once done, starts: "the plant is to be completed by 2026".
COMPLETION_VERBS = {"complete", "finish"}
TARIFF_WORDS = {"tariff", "duty", "levy", "surtax", "surcharge"}
# Verbs whose subject sets a tariff: "Canada imposed a 100% surtax", "the EU will levy duties".
TARIFF_VERBS = {"impose", "levy", "charge", "raise", "slap", "set", "introduce", "apply", "announce",
                "plan", "hike", "increase", "double", "extend"}
SPOKES_TITLES = {"spokesperson", "spokesman", "spokeswoman"}
SPEECH_VERBS = {"say", "state", "announce", "tell", "add", "confirm", "oppose", "warn"}
# Verbs of making: "X assembles vehicles in P" -> hasFacilityIn(X, P).
# Public backing: "granted 133.7 million euros to the project", "offered a loan to X".
SUPPORT_VERBS = {"grant", "award", "lend", "extend", "offer", "provide", "give", "approve", "pledge"}
SUPPORT_NOUNS = {"loan", "grant", "subsidy", "subsidies", "incentive", "incentives", "support",
                 "funding", "financing", "aid", "credit", "guarantee"}
# Verbs whose object is what a maker puts out ("makes lithium hydroxide", "turns out cars").
OUTPUT_VERBS = {"produce", "make", "manufacture", "assemble", "refine"}
# Objects of those verbs that are not goods.
NOT_PRODUCTS = frozenset("""decision remark comment statement progress history sense money profit
    loss revenue sale sales use case point effort move investment investments call offer bid plan
    plans announcement announcements change changes difference way ways deal deals payment payments
    contribution contributions commitment commitments cut cuts debut return returns time
    appearance visit visits trip trips impact mistake mistakes choice choices case cases
    equivalent""".split())
NOT_PRODUCT_MODS = frozenset("""new more most other such own first last same key several many enough
    all some any""".split())
PRODUCTION_VERBS = {"assemble", "produce", "manufacture", "make", "build"}
# Appositive nouns whose "of" object is what the described body makes.
MAKER_NOUNS = {"maker", "manufacturer", "producer", "supplier"}
# Units a measured quantity may carry when NER puts the number and unit in one span.
MEASURE_UNITS = {"gwh", "mwh", "kwh", "twh", "gw", "mw", "kw", "tonne", "ton", "tonnes", "tons",
                 "gigawatt-hour", "megawatt-hour", "hour", "barrel", "unit", "vehicle", "car", "bus", "truck",
                 "motorcycle", "scooter"}
# Units of those that are goods in their own right ("200,000 electric vehicles").
GOODS_UNITS = {"vehicle", "car", "bus", "truck", "motorcycle", "scooter"}


GOVERNMENT_NOUNS = frozenset({"government", "administration", "authorities", "cabinet"})

# Works whose kind of goods their description names ("a battery plant", "an iodine operation").
GOODS_WORKS = frozenset({"plant", "factory", "facility", "gigafactory", "complex", "refinery", "smelter",
                         "foundry", "mill", "mine", "operation", "works"})
# Words before a works noun saying how it makes, not what ("an EV assembly plant").
MAKING_WORDS = frozenset({"assembly", "manufacturing", "production", "making"})
# Words before a works noun that say it is no maker of goods, or not of that word's goods
# ("a recycling plant", "a power plant", "a pilot plant", "a joint-venture plant").
GOODS_NOT = frozenset("""processing recycling conversion refining testing test research development
    innovation pilot demonstration power energy charging storage logistics distribution export
    import industrial venture joint-venture greenfield brownfield treatment waste water desalination
    brine flagship training design engineering service services repair maintenance packaging paint stamping
    body welding r&d car-park parking""".split())
# Goods too general to tell one plant's output from another's.
GENERIC_GOODS = frozenset({"car", "vehicle", "auto", "automobile", "battery"})
# Short forms of goods, spelled out in a product's name.
GOODS_ABBREVIATIONS = {"EV": "electric vehicle", "EVs": "electric vehicle", "NEV": "new energy vehicle",
                       "NEVs": "new energy vehicle", "BEV": "battery electric vehicle",
                       "LFP": "LFP", "NMC": "NMC"}
# Count nouns of goods, named in the plural ("battery cells"); other goods are mass nouns
# named as written ("lithium hydroxide", "iodine").
COUNT_GOODS = frozenset("""battery cell module pack car vehicle truck bus van motorcycle scooter bike
    bicycle separator cathode anode electrode motor engine chip semiconductor panel inverter charger
    tire tyre component part precursor wafer turbine blade drone robot phone smartphone container
    ship tractor wheel axle seat transmission magnet""".split())

# Plural nouns that, with "two" or "both", stand for the last two entities of a kind named
# ("the two countries", "both companies", "the two sides").
PAIR_NOUNS = {
    "country": (Kind.COUNTRY,), "nation": (Kind.COUNTRY,),
    "company": (Kind.ORGANIZATION,), "firm": (Kind.ORGANIZATION,), "group": (Kind.ORGANIZATION,),
    "partner": (Kind.ORGANIZATION,), "carmaker": (Kind.ORGANIZATION,), "automaker": (Kind.ORGANIZATION,),
    "side": (Kind.COUNTRY, Kind.ORGANIZATION),
}
# Words before a name that make it a news outlet ("state news agency X", "the newspaper X").
MEDIA_WORDS = frozenset({"news", "press", "newspaper", "daily", "broadcaster", "wire"})
