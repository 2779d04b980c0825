"""Commands over resolved entities: people, person, entities, merge, split, judgements,
candidates and resolve."""

from __future__ import annotations

from typing import Any

import click
from sqlalchemy.engine import Engine

from qantar.cli.common import _echo_json, _settings, cli, db_option
from qantar.exceptions import EntityError
from qantar.publish.lines import page_label
from qantar.store.resolution import RESOLVED_KINDS

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
user_option = click.option(
    "--user", help="Reviewer name to record (default: QANTAR_USER or login)."
)
note_option = click.option("--note", help="Why: kept with the decision.")


def _engine(db: str | None) -> Engine:
    from qantar.store import open_store

    return open_store(_settings(db).db_url)


def _print_entities(rows: list[dict[str, Any]], what: str) -> None:
    if not rows:
        click.echo(f"no {what} in the store; add articles with 'qantar build PATH'", err=True)
    for row in rows:
        roles = f" ({'; '.join(row['roles'][:3])})" if row["roles"] else ""
        docs = len(row["documents"])
        click.echo(
            f"{row['name']}{roles}: {docs} document{'s' * (docs != 1)}, "
            f"{row['mentions']} mentions  [{row['id']}]"
        )
        others = [s for s in row["spellings"] if s != row["name"]]
        if others:
            click.echo(f"    also: {', '.join(others)}")


@cli.command("people")
@db_option
@json_option
def people_command(db: str | None, as_json: bool) -> None:
    """List people across documents: one line per person, however each article spells them."""
    from qantar.resolve import list_entities

    rows = list_entities(_engine(db), "person")
    if as_json:
        _echo_json(rows)
    else:
        _print_entities(rows, "people")


@cli.command("entities")
@click.option(
    "--kind", type=click.Choice(RESOLVED_KINDS), default="organization", show_default=True
)
@db_option
@json_option
def entities_command(kind: str, db: str | None, as_json: bool) -> None:
    """List organizations or places (or people) with their spellings and documents."""
    from qantar.resolve import list_entities

    rows = list_entities(_engine(db), kind)
    if as_json:
        _echo_json(rows)
    else:
        _print_entities(rows, f"{kind} entities")


def _fact_line(fact: dict[str, Any]) -> str:
    from qantar.publish.lines import LINES

    line = LINES[fact["kind"]](fact["record"]) if fact["kind"] in LINES else ""
    return f"[{fact['kind']}: {', '.join(fact['roles'])}] {line}"


@cli.command("person")
@click.argument("name")
@db_option
@json_option
def person_command(name: str, db: str | None, as_json: bool) -> None:
    """A person's dossier: spellings, roles, and every fact about them with its sentence.

    NAME is any spelling in either alphabet (Masimov, Мәсімов), a surname, or an id.
    """
    from qantar.cli.records import _evidence
    from qantar.resolve import dossier

    try:
        found = dossier(_engine(db), name)
    except EntityError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        _echo_json(found)
        return
    entity = found["entity"]
    click.echo(f"{entity['name']}  [{entity['id']}]")
    click.echo(f"  spellings: {', '.join(entity['spellings'])}")
    if entity["roles"]:
        click.echo(f"  roles: {'; '.join(entity['roles'])}")
    click.echo(f"  documents ({len(entity['documents'])}): {', '.join(entity['documents'])}")
    for reason in found["why"]:
        click.echo(f"  why one person: {reason}")
    if not found["facts"]:
        click.echo("  no verdicts, quotes, events or figures name this person")
    for fact in found["facts"]:
        click.echo(_fact_line(fact))
        page = page_label(fact.get("page"))
        click.echo(_evidence(fact["sentence"], fact["doc_name"], page, fact["outlet"], fact["url"]))


def _reviewer(user: str | None) -> str:
    return user or _settings(None).reviewer


@cli.command("merge")
@click.argument("names", nargs=-1, required=True)
@click.option("--kind", type=click.Choice(RESOLVED_KINDS), help="Only look among this kind.")
@user_option
@note_option
@db_option
def merge_command(
    names: tuple[str, ...], kind: str | None, user: str | None, note: str | None, db: str | None
) -> None:
    """Record that NAMES (two or more names or ids) are one entity."""
    from qantar.resolve import merge

    try:
        decision, report = merge(_engine(db), names, _reviewer(user), note, kind)
    except EntityError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"merged ({decision}); {report.summary()}")
    click.echo(f"undo with: qantar judgements --undo {decision}")


@cli.command("split")
@click.argument("name")
@click.argument("parts", nargs=-1, required=True)
@user_option
@note_option
@db_option
def split_command(
    name: str, parts: tuple[str, ...], user: str | None, note: str | None, db: str | None
) -> None:
    """Take PARTS out of the entity NAME into an entity of their own.

    A part is a spelling, a document name or a record id; `qantar person NAME --json` lists
    the records.
    """
    from qantar.resolve import split

    try:
        decision, report = split(_engine(db), name, parts, _reviewer(user), note)
    except EntityError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"split ({decision}); {report.summary()}")
    click.echo(f"undo with: qantar judgements --undo {decision}")


@cli.command("judgements")
@click.option("--undo", "undo_id", metavar="DECISION", help="Undo this decision (it is kept).")
@click.option("--all", "show_all", is_flag=True, help="Also list decisions already undone.")
@user_option
@db_option
@json_option
def judgements_command(
    undo_id: str | None, show_all: bool, user: str | None, db: str | None, as_json: bool
) -> None:
    """List reviewers' merges and splits with who and when, or undo one."""
    from qantar.exceptions import StoreError
    from qantar.resolve import undo
    from qantar.store.resolution import list_decisions

    engine = _engine(db)
    if undo_id:
        try:
            row, report = undo(engine, undo_id, _reviewer(user))
        except StoreError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"undone: {row['action']} {row['summary']}; {report.summary()}")
        return
    rows = list_decisions(engine, include_undone=show_all)
    if as_json:
        _echo_json(rows)
        return
    if not rows:
        click.echo("no decisions yet; record one with 'qantar merge' or 'qantar split'", err=True)
    for row in rows:
        undone = (
            f"  UNDONE by {row['undone_by']} {row['undone_at'][:16]}" if row["undone_at"] else ""
        )
        click.echo(
            f"{row['id']}  {row['created_at'][:16]}  {row['user']}  {row['action']}: "
            f"{row['summary']} ({len(row['judgements'])} judgements){undone}"
        )
        if row["note"]:
            click.echo(f"    note: {row['note']}")


@cli.command("candidates")
@click.option("--kind", type=click.Choice(RESOLVED_KINDS), help="Only pairs of this kind.")
@click.option(
    "--outcome",
    type=click.Choice(["merged", "kept apart", "ambiguous"]),
    help="Only pairs with this outcome.",
)
@db_option
@json_option
def candidates_command(
    kind: str | None, outcome: str | None, db: str | None, as_json: bool
) -> None:
    """List compared pairs of names with their score, reasons, and what resolution did."""
    from qantar.store.resolution import pair_rows

    rows = [
        row
        for row in pair_rows(_engine(db), kind)
        if outcome is None or row["outcome"].startswith(outcome)
    ]
    if as_json:
        _echo_json(rows)
        return
    if not rows:
        click.echo(
            "no compared pairs; names that differ in every part are never compared", err=True
        )
    for row in rows:
        click.echo(
            f"{row['score']:.2f}  {row['left_name']} ~ {row['right_name']}  [{row['kind']}] "
            f"{row['outcome']}"
        )
        for feature in row["features"]:
            click.echo(f"    {feature['feature']} {feature['outcome']}: {feature['detail']}")


@cli.command("resolve")
@db_option
def resolve_command(db: str | None) -> None:
    """Resolve people, organizations and places again (a build does this by itself)."""
    from qantar.resolve import resolve

    click.echo(resolve(_engine(db)).summary())
