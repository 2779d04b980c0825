"""Commands for the web app: serve it, and manage reviewer accounts."""

from __future__ import annotations

import sys

import click

from qantar.cli.common import _settings, cli, db_option


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@db_option
def serve_command(host: str, port: int, db: str | None) -> None:
    """Serve the record in a browser: pages, review and the JSON API (/api/v1).

    Anyone who can reach the address can read; reviewers sign in to change facts
    (`qantar user add NAME` makes an account).
    """
    import uvicorn

    from qantar.store import open_store
    from qantar.web import create_app

    settings = _settings(db)
    app = create_app(open_store(settings.db_url), settings.secret or None, settings)
    if not settings.secret:
        click.echo("QANTAR_SECRET is not set: sign-ins will end when the server stops.", err=True)
    click.echo(f"qantar serves {settings.db_url} at http://{host}:{port}/ (Ctrl+C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.group("user")
def user_group() -> None:
    """Reviewer accounts for the web app."""


@user_group.command("add")
@click.argument("name")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input (scripts)."
)
@click.option("--replace", is_flag=True, help="Set a new password for an existing reviewer.")
@db_option
def user_add_command(name: str, password_stdin: bool, replace: bool, db: str | None) -> None:
    """Make reviewer NAME (asks for the password twice, hidden)."""
    from qantar.review import add_user
    from qantar.store import open_store

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    add_user(open_store(_settings(db).db_url), name, password, replace=replace)
    click.echo(f"reviewer {name} {'updated' if replace else 'added'}; sign in at /signin")


@user_group.command("list")
@db_option
def user_list_command(db: str | None) -> None:
    """List reviewers and when each was added."""
    from qantar.review import list_users
    from qantar.store import open_store

    found = list_users(open_store(_settings(db).db_url))
    if not found:
        click.echo("no reviewers yet; add one with 'qantar user add NAME'", err=True)
    for user in found:
        click.echo(f"{user['name']}  added {user['created_at'][:10]}")
