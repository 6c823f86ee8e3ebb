"""kg eval: score extraction against hand-made gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.errors import KGError

from .app import ModelOpt, command
from .output import clean, print_json


@command('kg eval tests/gold/seed_gold.json examples/articles/xinhua-2024-01-05-turkiye-china-ev.txt',
         'kg eval tests/gold/dev/ --json', name='eval')
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold file (seed_gold.json format), or a folder of gold files and articles")],
    article: Annotated[Optional[str], typer.Argument(help="The article the gold describes (not with a folder)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
    show_misses: Annotated[bool, typer.Option("--show-misses", help="List missed facts and unmatched predictions")] = False,
    only: Annotated[Optional[list[str]], typer.Option("--only", metavar="GLOB", help="Folder: score only articles whose name matches this glob (repeatable)")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", metavar="GLOB", help="Folder: skip articles whose name matches this glob (repeatable)")] = None,
    model: ModelOpt = None,
) -> None:
    """Score kg's extraction of ARTICLE against GOLD, or of every article of a GOLD folder.

    A folder holds NAME.gold.json beside NAME.txt (or NAME_gold.json with its article beside
    it or under articles/); it prints a per-article table, the micro-average and a
    per-relation table with the reason for each miss.
    """
    from kg.build.pipeline import extract_file
    from kg.eval import evaluate as run_eval
    from kg.eval import format_report, load_gold
    from kg.extract import Extractor
    from kg.ingest import parse_document, read_text

    if Path(gold).is_dir():
        from kg.eval.corpus import evaluate_corpus, find_gold_articles, format_corpus

        if article is not None:
            raise KGError("give a gold folder alone, or a gold file and its article")
        articles = find_gold_articles(gold, only or (), exclude or ())
        extractor = Extractor(model)

        def predictions(a) -> list[dict]:  # noqa: ANN001
            doc = extractor.extract(parse_document(read_text(str(a.article_path)), str(a.article_path)))
            return [t.to_dict() for t in doc.triples]

        corpus = evaluate_corpus(articles, predictions, folder=gold)
        if as_json:
            print_json(corpus.to_dict(details=show_misses))
            return
        print(clean(format_corpus(corpus)))
        if show_misses:
            for name, report in corpus.articles:
                print(clean(f"\n=== {name}\n{format_report(report, show_misses=True)}"))
        return
    if article is None:
        raise KGError(f"{gold} is a gold file: give the article it describes too")
    gold_data = load_gold(gold)
    doc = extract_file(article, model)
    report = run_eval(gold_data, [t.to_dict() for t in doc.triples])
    if as_json:
        print_json(report.to_dict())
    else:
        print(clean(format_report(report, show_misses=show_misses)))
