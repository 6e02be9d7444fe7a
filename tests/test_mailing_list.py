"""The mailing list: double opt-in, one-click unsubscribe, no enumeration, abuse limits, admin export."""
import csv
import io
import re
import smtplib
from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.admin.sites import site as admin_site
from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client
from django.utils import timezone

from archive import mailing_list
from archive.admin import export_active_as_csv
from archive.models import Subscriber

pytestmark = pytest.mark.django_db


def subscribe(client, email, remote_addr="127.0.0.1", **fields):
    return client.post("/subscribe/", {"email": email, **fields}, REMOTE_ADDR=remote_addr)


def link_in(message, kind):
    return re.search(rf"https?://[^/\s]+(/{kind}/\S+/)", message.body).group(1)


def test_the_whole_subscription_life(client):
    response = subscribe(client, "  Reader@Example.ORG ", name="Ada Reader", source_page="/tag/kim-jong-un/")
    assert response.status_code == 302 and response["Location"] == "/subscribe/"
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.name, subscriber.status) == ("Reader@example.org", "Ada Reader", "pending")
    assert subscriber.source_page == "/tag/kim-jong-un/"
    assert subscriber.ip_address == "127.0.0.1"
    assert "follow its link to confirm" in client.get("/subscribe/").content.decode()

    [confirmation] = mail.outbox
    assert confirmation.to == ["Reader@example.org"]
    confirm_path = link_in(confirmation, "subscribe/confirm")
    unsubscribe_path = link_in(confirmation, "unsubscribe")
    assert confirmation.extra_headers["List-Unsubscribe"].endswith(f"{unsubscribe_path}>")
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    asked = client.get(confirm_path)  # a mail scanner's prefetch confirms nothing
    assert BeautifulSoup(asked.content, "html.parser").select_one("main form[method=post] button")
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"

    page = client.post(confirm_path)
    assert page.status_code == 200 and "Subscription confirmed" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "active" and subscriber.confirmed_at is not None

    welcome = mail.outbox[1]  # what an active subscriber receives
    assert welcome.to == ["Reader@example.org"] and "confirmed" in welcome.body
    assert link_in(welcome, "unsubscribe") == unsubscribe_path
    assert welcome.extra_headers["List-Unsubscribe"].endswith(f"{unsubscribe_path}>")

    asking = client.get(unsubscribe_path)  # a link scanner's GET changes nothing
    assert BeautifulSoup(asking.content, "html.parser").select_one("main form[method=post] button")
    subscriber.refresh_from_db()
    assert subscriber.status == "active"

    done = client.post(unsubscribe_path)
    assert done.status_code == 200 and "You are unsubscribed" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribed_at is not None


def test_one_click_unsubscribe_from_a_mail_client_needs_no_csrf_token():
    subscriber = Subscriber.objects.create(email="one@example.org", status="active")
    path = mailing_list.unsubscribe_url(subscriber).split("://", 1)[1].split("/", 1)[1]
    response = Client(enforce_csrf_checks=True).post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def visible_answer(client, email):
    response = subscribe(client, email)
    followed = client.get(response["Location"])
    notice = BeautifulSoup(followed.content, "html.parser").select_one(".messages").get_text(strip=True)
    return response.status_code, response["Location"], notice


def test_the_answer_is_the_same_whatever_the_address_state(client):
    Subscriber.objects.create(email="pending@example.org", status="pending")
    Subscriber.objects.create(email="active@example.org", status="active")
    Subscriber.objects.create(email="gone@example.org", status="unsubscribed")
    answers = {visible_answer(client, email) for email in
               ["new@example.org", "pending@example.org", "active@example.org", "gone@example.org"]}
    assert len(answers) == 1
    # The active subscriber is told by email, where only the owner of the address can read it.
    assert [m.to[0] for m in mail.outbox] == ["new@example.org", "pending@example.org",
                                              "active@example.org", "gone@example.org"]
    assert "already subscribed" in mail.outbox[2].body
    assert Subscriber.objects.get(email="active@example.org").status == "active"
    assert Subscriber.objects.get(email="gone@example.org").status == "pending"


def test_one_person_is_one_row_whatever_the_spelling(client):
    subscribe(client, " someone@EXAMPLE.org ")
    subscribe(client, "Someone@example.ORG")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["someone@example.org"]


def test_two_sign_ups_for_one_new_address_at_once_make_one_row_and_no_error(client, monkeypatch):
    # The second request looked the address up before the first one's row existed, then tries to create it.
    Subscriber.objects.create(email="twice@example.org")
    real_lookup, misses = Subscriber.objects.with_email, iter([True])

    def lookup_that_ran_too_early(email):
        return Subscriber.objects.none() if next(misses, False) else real_lookup(email)

    monkeypatch.setattr(Subscriber.objects, "with_email", lookup_that_ran_too_early)
    response = subscribe(client, "twice@example.org")
    assert response.status_code == 302 and response["Location"] == "/subscribe/"
    assert Subscriber.objects.filter(email="twice@example.org").count() == 1
    assert len(mail.outbox) == 1 and "confirm" in mail.outbox[0].subject


def test_the_honeypot_gets_the_usual_answer_and_nothing_else(client):
    response = subscribe(client, "bot@example.org", website="http://spam.example")
    assert response.status_code == 302 and response["Location"] == "/subscribe/"
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_long_honeypot_value_gets_the_usual_answer_too(client):
    response = subscribe(client, "bot@example.org", website="http://spam.example/" + "x" * 500)
    assert response.status_code == 302 and response["Location"] == "/subscribe/"
    assert not Subscriber.objects.exists() and not mail.outbox


def test_signing_up_from_a_page_with_a_very_long_path_still_works(client):
    # The sidebar form posts the page's path; a reader on a long URL must not get a form with no visible error.
    long_path = "/tag/" + "x" * 600 + "/"
    response = subscribe(client, "reader@example.org", source_page=long_path)
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert long_path.startswith(subscriber.source_page) and len(subscriber.source_page) == 500
    assert len(mail.outbox) == 1


def test_honeypot_is_in_the_sidebar_form_but_hidden_from_people(client):
    page = BeautifulSoup(client.get("/subscribe/").content, "html.parser")
    for form in page.select("form[action='/subscribe/']"):
        trap = form.select_one("input[name=website]")
        assert trap["tabindex"] == "-1" and trap.find_parent(class_="hp")["aria-hidden"] == "true"


def test_an_invalid_address_redisplays_the_form_with_a_message(client):
    response = subscribe(client, "not an address", name="Ada")
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert "valid email address" in page.select_one(".field-error").get_text()
    assert page.select_one("main input[name=name]")["value"] == "Ada"
    assert not Subscriber.objects.exists()


def test_one_address_gets_at_most_three_emails_an_hour_with_the_same_answer(client):
    answers = {visible_answer(client, "flooded@example.org") for _ in range(5)}
    assert len(answers) == 1
    assert len(mail.outbox) == mailing_list.ADDRESS_LIMIT.limit == 3


def test_one_ip_is_refused_after_twenty_sign_ups_an_hour(client):
    for n in range(mailing_list.IP_LIMIT.limit):
        assert subscribe(client, f"reader{n}@example.org").status_code == 302
    refused = subscribe(client, "one-more@example.org")
    assert refused.status_code == 429 and "Too many sign-up attempts" in refused.content.decode()
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()
    other_network = subscribe(client, "elsewhere@example.org", remote_addr="203.0.113.9")
    assert other_network.status_code == 302


def test_a_send_failure_is_logged_and_the_reader_asked_to_retry_with_nothing_lost(client, monkeypatch, caplog):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("mail server went away")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    response = subscribe(client, "patient@example.org", name="Pat")
    assert response.status_code == 503
    page = BeautifulSoup(response.content, "html.parser")
    assert "Please try again" in page.select_one(".form-errors").get_text()
    assert page.select_one("main input[name=email]")["value"] == "patient@example.org"
    assert "Could not send 'confirm' email" in caplog.text
    assert Subscriber.objects.get().name == "Pat"  # the sign-up is kept

    monkeypatch.undo()
    for _ in range(3):  # failed sends do not use up the address's allowance
        assert subscribe(client, "patient@example.org").status_code == 302
    assert len(mail.outbox) == 3


@pytest.mark.parametrize("path", ["/subscribe/confirm/garbage/", "/unsubscribe/garbage/",
                                  "/subscribe/confirm/ImFiYyI:1tQ2Xk:tampered/"])
def test_a_bad_link_gets_a_clear_page(client, path):
    response = client.get(path) if "confirm" in path else client.post(path)
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()


def test_a_confirmation_link_expires_after_a_week(client):
    subscriber = Subscriber.objects.create(email="late@example.org")
    path = mailing_list.confirm_url(subscriber).split("testserver")[-1].split("8000")[-1]
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.get(path)
    assert response.status_code == 400 and "This link has expired" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_a_link_for_one_purpose_does_not_work_for_the_other(client):
    subscriber = Subscriber.objects.create(email="careful@example.org")
    unsubscribe_token = mailing_list.unsubscribe_url(subscriber).rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/subscribe/confirm/{unsubscribe_token}/").status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_an_old_confirmation_link_does_not_undo_an_unsubscribe(client):
    subscriber = Subscriber.objects.create(email="left@example.org", status="unsubscribed")
    path = "/" + mailing_list.confirm_url(subscriber).split("://", 1)[1].split("/", 1)[1]
    assert client.get(path).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_csv_export_holds_only_active_subscribers_with_formulas_defused(rf):
    Subscriber.objects.create(email="a@example.org", name="=HYPERLINK(\"http://evil\")", status="active",
                              confirmed_at=timezone.now(), source_page="/the-peninsula/")
    Subscriber.objects.create(email="p@example.org", status="pending")
    Subscriber.objects.create(email="u@example.org", status="unsubscribed")
    response = export_active_as_csv(admin_site._registry[Subscriber], rf.get("/"), Subscriber.objects.all())
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["email", "name", "confirmed_at", "source_page"]
    assert [row[0] for row in rows[1:]] == ["a@example.org"]
    assert rows[1][1].startswith("'=")


def test_the_admin_lists_searches_and_exports_subscribers(staff_client):
    Subscriber.objects.create(email="found@example.org", status="active")
    Subscriber.objects.create(email="other@example.org", status="active")
    listing = staff_client.get("/admin/archive/subscriber/?q=found")
    assert "found@example.org" in listing.content.decode() and "other@example.org" not in listing.content.decode()
    ids = list(Subscriber.objects.values_list("pk", flat=True))
    exported = staff_client.post("/admin/archive/subscriber/",
                                 {"action": "export_active_as_csv", "_selected_action": ids})
    assert exported.status_code == 200 and exported.content.decode().count("@example.org") == 2


@pytest.mark.parametrize("proxies, forwarded, expected", [
    (0, "198.51.100.7", "10.0.0.1"),                       # no trusted proxy: the header is ignored
    (1, "198.51.100.7", "198.51.100.7"),                   # the address our proxy saw
    (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),          # a forged entry on the left is skipped
    (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
])
def test_the_per_ip_limit_counts_the_address_our_proxies_saw(rf, settings, proxies, forwarded, expected):
    from archive.rate_limits import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.post("/subscribe/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.mark.parametrize("page", ["confirm", "confirmed", "unsubscribe", "unsubscribed", "invalid"])
def test_mailing_list_pages_are_strict_html5(client, page):
    import html5lib

    subscriber = Subscriber.objects.create(email="html@example.org")
    paths = {"confirm": mailing_list.confirm_url(subscriber),
             "confirmed": mailing_list.confirm_url(subscriber), "unsubscribe": mailing_list.unsubscribe_url(subscriber),
             "unsubscribed": mailing_list.unsubscribe_url(subscriber), "invalid": "http://x/unsubscribe/nope/"}
    path = "/" + paths[page].split("://", 1)[1].split("/", 1)[1]
    response = client.post(path) if page in ("unsubscribed", "confirmed") else client.get(path)
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(response.content.decode())
    assert len(BeautifulSoup(response.content, "html.parser").find_all("h1")) == 1


def test_an_old_confirmation_link_cannot_finish_a_new_sign_up_after_an_unsubscribe(client):
    subscriber = Subscriber.objects.create(email="again@example.org")
    old_confirm = "/" + mailing_list.confirm_url(subscriber).split("://", 1)[1].split("/", 1)[1]
    old_unsubscribe = "/" + mailing_list.unsubscribe_url(subscriber).split("://", 1)[1].split("/", 1)[1]
    client.post(old_confirm)
    client.post(old_unsubscribe)
    subscribe(client, "again@example.org")  # anyone signs the address up again
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"
    assert client.post(old_confirm).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"
    fresh = link_in(mail.outbox[-1], "subscribe/confirm")
    assert client.post(fresh).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "active"


@pytest.mark.parametrize("name", ["Ada\nClick http://evil.example", "Ada\r\nBcc: x@example.org", "Ada\u202eevil",
                                  "Ada\x00", "Ada\u2028Line"])
def test_a_name_with_control_characters_is_refused_with_a_message(client, name):
    response = subscribe(client, "named@example.org", name=name)
    assert response.status_code == 400
    assert "without line breaks or control characters" in response.content.decode()
    assert not Subscriber.objects.exists() and not mail.outbox


def test_the_name_is_left_out_of_emails_to_unconfirmed_addresses(client):
    subscribe(client, "victim@example.org", name="Your account is locked, call +1 555 0100")
    [confirmation] = mail.outbox
    assert "Your account" not in confirmation.body and "Hello," in confirmation.body
    subscriber = Subscriber.objects.get()
    subscriber.activate()
    subscribe(client, "victim@example.org", name="Another name")
    assert "Your account" not in mail.outbox[-1].body


@pytest.mark.parametrize("page", ["subscribe", "confirm", "confirmed", "unsubscribe", "unsubscribed"])
def test_pages_that_show_a_subscribers_address_are_never_cached(client, page):
    subscriber = Subscriber.objects.create(email="private@example.org")
    confirm = "/" + mailing_list.confirm_url(subscriber).split("://", 1)[1].split("/", 1)[1]
    unsubscribe = "/" + mailing_list.unsubscribe_url(subscriber).split("://", 1)[1].split("/", 1)[1]
    response = {
        "subscribe": lambda: subscribe(client, "not-an-address"),
        "confirm": lambda: client.get(confirm),
        "confirmed": lambda: client.post(confirm),
        "unsubscribe": lambda: client.get(unsubscribe),
        "unsubscribed": lambda: client.post(unsubscribe),
    }[page]()
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("Ada;=HYPERLINK(1)", "Ada;'=HYPERLINK(1)"), ("a; @SUM(1)", "a; '@SUM(1)"),
    ("x;-2;+3", "x;'-2;'+3"), ("plain;text", "plain;text"), ("Kim Jong-un", "Kim Jong-un"),
])
def test_the_csv_formula_guard_covers_every_semicolon_separated_part(value, expected):
    from archive.admin import csv_cell

    assert csv_cell(value) == expected
