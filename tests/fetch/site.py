"""A small news site on 127.0.0.1 for the fetch tests: article pages, failures and feeds.

Served by ``http.server.ThreadingHTTPServer`` in a thread, so the tests exercise the real
httpx client, real sockets and real timeouts. Every request is logged with its arrival time,
so tests can count requests and measure the pause between them. The articles are short
invented news items about the January 2022 unrest, varied by number so that each page has
its own text.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CITIES = ["Almaty", "Taldykorgan", "Shymkent", "Taraz", "Aktobe", "Zhanaozen", "Uralsk"]
NAMES = [
    "Nurlan Abenov",
    "Daulet Seitkali",
    "Arman Zhakupov",
    "Erlan Temirov",
    "Bolat Sarsenov",
    "Marat Kuanyshev",
    "Aidos Omarov",
    "Timur Baimukhanov",
    "Yerzhan Dosmagambetov",
    "Askar Nurpeisov",
    "Ruslan Kenzhebekov",
]
HEADLINES = [
    "{city} court jails {name} over January riots",
    "Lawyer says {name} was beaten after arrest in {city}",
    "{name} of {city} freed under amnesty, family says",
    "Relatives of {name} ask {city} prosecutors to reopen case",
]
BODIES = [
    [
        "A court in {city} on {weekday} sentenced {name}, {age}, to {years} years in prison "
        "for taking part in the mass riots that shook the city in the first week of January.",
        "Prosecutors said {name} was among a crowd that broke into the regional administration "
        "building on 5 January. The defence said he had only been filming on his phone.",
        "{name} pleaded not guilty. His lawyer told reporters the family would appeal within "
        "the fifteen days the law allows.",
    ],
    [
        "{name}, who was detained in {city} on 6 January, was held for {days} days before a "
        "lawyer was allowed to see him, his defence team said on {weekday}.",
        "According to the lawyer, {name} had bruises on his back and arms and said officers "
        "had beaten him during questioning. The police department declined to comment.",
        "Human rights groups say hundreds of people detained during the unrest have described "
        "similar treatment, and call for an independent inquiry.",
    ],
    [
        "{name}, a {age}-year-old driver from {city}, walked out of a detention centre on "
        "{weekday} after his case was closed under the amnesty announced by parliament.",
        "He had spent {days} days in custody on charges of joining the riots. His sister said "
        "he would now try to find work again and wanted to forget the winter.",
        "Officials say several hundred people have been released under the amnesty, though "
        "those accused of the gravest crimes were excluded from it.",
    ],
    [
        "The mother of {name} has asked prosecutors in {city} to reopen the investigation into "
        "his death, saying the official account does not match what witnesses saw.",
        "{name} was shot on 6 January near the central square, where protesters had gathered "
        "after fuel prices doubled at the start of the year. He was {age} years old.",
        "The prosecutor's office said on {weekday} that it had received the complaint and "
        "would answer within {days} days.",
    ],
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def story(n: int) -> dict[str, Any]:
    """The facts of article ``n``: its headline, paragraphs and publication day."""
    values = {
        "name": NAMES[n % len(NAMES)],
        "city": CITIES[(n // 4) % len(CITIES)],
        "age": 19 + n % 37,
        "years": 2 + n % 9,
        "days": 3 + n,
        "weekday": WEEKDAYS[n % len(WEEKDAYS)],
    }
    kind = n % len(HEADLINES)
    return {
        "title": HEADLINES[kind].format(**values),
        "paragraphs": [p.format(**values) for p in BODIES[kind]],
        "published": f"2022-{2 + n % 10:02d}-{1 + n % 28:02d}",
    }


def article_page(n: int, *, dated: bool = True, titled: bool = True) -> bytes:
    """A news page: navigation, the article and a footer, like a real site."""
    item = story(n)
    head = f"<title>{item['title']} | Steppe Courier</title>" if titled else ""
    if dated:
        head += (
            f'<meta property="article:published_time" content="{item["published"]}T09:30:00+05:00">'
        )
    heading = f"<h1>{item['title']}</h1>" if titled else ""
    body = "".join(f"<p>{p}</p>" for p in item["paragraphs"])
    return (
        f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/politics'>Politics</a> "
        "<a href='/regions'>Regions</a></nav>"
        f"<article>{heading}{body}</article>"
        "<footer><a href='/about'>About us</a></footer></body></html>"
    ).encode()


RUSSIAN_TITLE = "В Алматы вынесен приговор по делу о январских беспорядках"
RUSSIAN_PAGE = (
    '<!doctype html><html><head><meta charset="windows-1251">'
    f"<title>{RUSSIAN_TITLE}</title>"
    '<meta property="article:published_time" content="2022-11-14T12:00:00+06:00">'
    "</head><body><nav><a href='/'>Главная</a></nav><article>"
    f"<h1>{RUSSIAN_TITLE}</h1>"
    "<p>Специализированный суд Алматы во вторник приговорил жителя города к шести годам "
    "лишения свободы за участие в массовых беспорядках в январе прошлого года.</p>"
    "<p>По версии обвинения, мужчина вместе с другими участниками беспорядков поджёг "
    "автомобиль у здания акимата. Сам подсудимый вину не признал.</p>"
    "<p>Адвокат заявил, что защита обжалует приговор в апелляционной инстанции в течение "
    "пятнадцати дней.</p>"
    "</article></body></html>"
).encode("cp1251")

MENU_PAGE = (
    b"<!doctype html><html><head><title>Regions</title></head><body><nav><ul>"
    b"<li><a href='/almaty'>Almaty</a></li><li><a href='/astana'>Astana</a></li>"
    b"<li><a href='/shymkent'>Shymkent</a></li><li><a href='/aktobe'>Aktobe</a></li>"
    b"</ul></nav></body></html>"
)
GARBAGE_PAGE = b"<<<>>> ][ }{ \x01\x02 <p <p </ &&& ~~~ !!! <</"
PLAIN_TEXT = (
    b"Statement by a group of lawyers\n\n"
    b"We, lawyers defending people detained in Almaty after the January events, ask the "
    b"authorities to let us see our clients without delay and to record every complaint of "
    b"ill-treatment.\n"
)
FAKE_PDF = b"%PDF-1.4\n% a stand-in: only saving and listing are tested here\n%%EOF\n"


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (link, title, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
        for link, title, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Steppe Courier</title><link>/</link>{entries}</channel></rss>"
    ).encode()


def atom(items: list[tuple[str, str, str]]) -> bytes:
    """An Atom feed of (link, title, ISO date) items."""
    entries = "".join(
        f'<entry><title>{title}</title><link rel="alternate" href="{link}"/>'
        f"<id>{link}</id><published>{date}</published><updated>{date}</updated></entry>"
        for link, title, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Steppe Courier</title><id>urn:steppe</id><updated>2022-12-01T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


Reply = tuple[int, dict[str, str], bytes]
HTML = {"Content-Type": "text/html; charset=utf-8"}


class Site:
    """The routes and the request log of one test server."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.log: list[tuple[float, str]] = []
        self.agents: set[str] = set()
        self.seen: dict[str, int] = {}
        self.robots: Reply = (
            200,
            {"Content-Type": "text/plain"},
            b"User-agent: *\nDisallow: /private/\n",
        )
        self.slow_seconds = 1.5
        self.base = ""
        self.extra: dict[str, Callable[[], Reply]] = {}

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def hits(self, path: str | None = None) -> int:
        """Requests so far, in all or to one path."""
        with self.lock:
            return len(self.log) if path is None else sum(1 for _, p in self.log if p == path)

    def times(self) -> list[float]:
        with self.lock:
            return [t for t, _ in self.log]

    def reply(self, path: str, agent: str) -> Reply:
        with self.lock:
            self.log.append((time.monotonic(), path))
            self.agents.add(agent)
            nth = self.seen[path] = self.seen.get(path, 0) + 1
        if path in self.extra:
            return self.extra[path]()
        section, _, rest = path.strip("/").partition("/")
        number = int(rest.split(".")[0]) if rest.split(".")[0].isdigit() else 0
        if path == "/robots.txt":
            return self.robots
        if section in ("news", "private"):
            return 200, HTML, article_page(number)
        if section == "bare":  # no title, no date: the feed has to give them
            return 200, HTML, article_page(number, dated=False, titled=False)
        if section == "ru":
            return 200, {"Content-Type": "text/html"}, RUSSIAN_PAGE
        if section == "slow":
            time.sleep(self.slow_seconds)
            return 200, HTML, article_page(number)
        if section == "menu":
            return 200, HTML, MENU_PAGE
        if section == "garbage":
            return 200, HTML, GARBAGE_PAGE
        if section == "flaky":  # 503 the first time, then the page
            return (503, {}, b"busy") if nth == 1 else (200, HTML, article_page(number))
        if section == "busy":  # 429 with Retry-After: 0 the first time
            if nth == 1:
                return 429, {"Retry-After": "0"}, b"slow down"
            return 200, HTML, article_page(number)
        if section == "down":
            return 503, {}, b"down for maintenance"
        if section == "moved":
            return 301, {"Location": f"/news/{number + 100}"}, b""
        if section == "loop":
            return 302, {"Location": path}, b""
        if section == "plain":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, PLAIN_TEXT
        if section == "doc":
            return 200, {"Content-Type": "application/pdf"}, FAKE_PDF
        return 404, {"Content-Type": "text/html"}, b"<html><body>Not here</body></html>"


def rfc822(day: str) -> str:
    return format_datetime(datetime.fromisoformat(day).replace(hour=8, tzinfo=UTC))


def serve(site: Site) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Start ``site`` on 127.0.0.1 on a free port, in a daemon thread."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            status, headers, body = site.reply(self.path, self.headers.get("User-Agent", ""))
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: Any, client_address: Any) -> None:
            pass  # a client that hung up mid-reply is expected here

    server = Server(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    return server, thread
