"""Follow by email: the follow box, double opt-in, the manage page, one-click unsubscribe and send_digests."""
import datetime
import re
import smtplib
from io import StringIO

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import Client

from archive.models import Subscriber
from articles.follows import links
from articles.follows.models import Follow, FollowDelivery
from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 3, 10, 9, 0, tzinfo=datetime.UTC)
SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def link_in(message, word):
    return path_of(re.search(rf"http://testserver/follows/{word}/\S+/", message.body).group(0))


def send_digests():
    out = StringIO()
    call_command("send_digests", stdout=out, stderr=StringIO())
    return out.getvalue()


def follow(client, kind, slug, email="reader@example.org", frequency="immediate"):
    return client.post(f"/follow/{kind}/{slug}/", {"email": email, "frequency": frequency}, **SAME_SITE)


def confirmed_follower(email, frequency="immediate", **target):
    subscriber = Subscriber.objects.create(email=email, status=Subscriber.Status.FOLLOWER, confirmed_at=NOW)
    return Follow.objects.create(subscriber=subscriber, frequency=frequency, sent_through=NOW, created_at=NOW, **target)


@pytest.mark.parametrize("kind, maker, url", [("tag", make_entity, "/tag/{}/"), ("author", make_author, "/author/{}/"),
                                              ("category", make_category, "/category/{}/"),
                                              ("series", make_series, "/series/{}/")])
def test_every_followable_page_has_a_follow_box_without_a_csrf_token(client, kind, maker, url, clock):
    target = maker("Kim Jong-un")
    make_article(entities=[target] if kind == "tag" else [], authors=[target] if kind == "author" else [],
                 categories=[target] if kind == "category" else [], series=target if kind == "series" else None)
    page = BeautifulSoup(client.get(url.format(target.slug)).content, "html.parser")
    box = page.select_one(".follow-box")
    assert box.h2.get_text() == "Follow Kim Jong-un by email"
    form = box.form
    assert form["action"] == f"/follow/{kind}/{target.slug}/"
    assert {field["name"] for field in form.select("input, select")} == {"email", "frequency", "website"}
    assert not form.select("input[name=csrfmiddlewaretoken]")


def test_the_follow_flow_end_to_end(clock):
    entity = make_entity("North Korea", kind="place")
    browser = Client(enforce_csrf_checks=True)
    response = follow(browser, "tag", entity.slug)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["reader@example.org"]
    assert "North Korea" in confirmation.body
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    follow_row = Follow.objects.get()
    assert follow_row.subscriber.status == Subscriber.Status.FOLLOWER  # not put on the mailing list
    make_article("Before confirming", entities=[entity], days_ago=0)
    assert "0 message(s)" in send_digests()  # not confirmed yet: nothing

    confirm_path = link_in(confirmation, "confirm")
    page = browser.get(confirm_path)  # a link scanner's GET confirms nothing
    assert Subscriber.objects.get().confirmed_at is None
    token = BeautifulSoup(page.content, "html.parser").select_one("main form input[name=csrfmiddlewaretoken]")["value"]
    assert browser.post(confirm_path, {"csrfmiddlewaretoken": token}).status_code == 302
    assert Subscriber.objects.get().confirmed_at == NOW

    clock.shift(datetime.timedelta(hours=1))
    article = make_article("Pyongyang's new line", entities=[entity], days_ago=0)
    make_article("Unrelated", entities=[make_entity("Japan")], days_ago=0)
    mail.outbox.clear()
    assert "1 message(s) sent with 1 article(s)" in send_digests()
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.subject == "The Peninsula: new article: Pyongyang's new line"
    assert "http://testserver" + article.get_absolute_url() in digest.body
    assert "Before confirming" not in digest.body
    assert "You follow North Korea" in digest.body
    html, mimetype = digest.alternatives[0]
    assert mimetype == "text/html" and "Pyongyang&#x27;s new line" in html
    unsubscribe_url = links.unsubscribe_url(Subscriber.objects.get())
    assert digest.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert "0 message(s)" in send_digests()  # a second run sends nothing
    assert len(mail.outbox) == 1

    response = Client(enforce_csrf_checks=True).post(path_of(unsubscribe_url), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follow.objects.exists()
    clock.shift(datetime.timedelta(hours=1))
    make_article("After unsubscribing", entities=[entity], days_ago=0)
    send_digests()
    assert len(mail.outbox) == 1


def test_a_confirmed_address_follows_at_once_with_a_notice(client, clock):
    author = make_author("Matthew Nitkoski")
    Subscriber.objects.create(email="reader@example.org", status=Subscriber.Status.ACTIVE, confirmed_at=NOW)
    follow(client, "author", author.slug, frequency="weekly")
    assert mail.outbox[0].subject == "The Peninsula: you follow Matthew Nitkoski"
    assert "/follows/manage/" in mail.outbox[0].body
    assert Follow.objects.active().get().frequency == "weekly"
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE  # the mailing list is left as it was


def test_a_follow_answers_the_same_and_keeps_an_existing_follow_as_it_is(client, clock):
    category = make_category("Economics")
    row = confirmed_follower("reader@example.org", frequency="weekly", category=category)
    row.paused = True
    row.save()
    first = follow(client, "category", category.slug, email="new@example.org")
    second = follow(client, "category", category.slug, email="reader@example.org", frequency="immediate")
    assert first.status_code == second.status_code == 302
    row.refresh_from_db()
    assert (row.frequency, row.paused) == ("weekly", True)


def test_bad_follow_input_is_a_clear_error_and_writes_nothing(client, clock):
    category = make_category("Economics")
    response = client.post(f"/follow/category/{category.slug}/", {"email": "not an address", "frequency": "hourly"},
                           **SAME_SITE)
    assert response.status_code == 400
    assert not Subscriber.objects.exists()
    assert client.get("/follow/planet/mars/").status_code == 404
    assert client.get("/follow/category/no-such/").status_code == 404


def test_a_cross_site_follow_is_refused(clock):
    category = make_category("Economics")
    response = Client(enforce_csrf_checks=True).post(f"/follow/category/{category.slug}/", {"email": "a@example.org"},
                                                     HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_follow_posts_are_rate_limited_per_ip(client, clock):
    category = make_category("Economics")
    for n in range(20):
        assert follow(client, "category", category.slug, email=f"r{n}@example.org").status_code == 302
    assert follow(client, "category", category.slug, email="r21@example.org").status_code == 429
    assert Subscriber.objects.count() == 20


def test_follow_emails_to_one_address_are_rate_limited(client, clock):
    targets = [make_category(f"Category {n}") for n in range(5)]
    for target in targets:
        follow(client, "category", target.slug)
    assert len(mail.outbox) == 3
    assert Follow.objects.count() == 5  # the follows stand; their confirmation covers them all


def test_drafts_and_scheduled_articles_are_never_sent(clock):
    entity = make_entity("South Korea")
    confirmed_follower("reader@example.org", entity=entity)
    clock.shift(datetime.timedelta(hours=1))
    make_article("Draft", entities=[entity], status="draft", days_ago=0)
    make_article("In review", entities=[entity], status="review", days_ago=0)
    scheduled = make_article("Scheduled", entities=[entity], days_ago=-1)
    send_digests()
    assert mail.outbox == []
    clock.shift(datetime.timedelta(days=2))  # the scheduled article is out now: sent then
    send_digests()
    assert len(mail.outbox) == 1 and scheduled.title in mail.outbox[0].body


def test_weekly_follows_wait_for_their_week(clock):
    series = make_series("Korea View")
    confirmed_follower("weekly@example.org", frequency="weekly", series=series)
    confirmed_follower("now@example.org", series=series)
    clock.shift(datetime.timedelta(days=1))
    make_article("Monday's view", series=series, days_ago=0)
    send_digests()
    assert [message.to for message in mail.outbox] == [["now@example.org"]]
    clock.shift(datetime.timedelta(days=3))
    make_article("Thursday's view", series=series, days_ago=0)
    send_digests()
    assert len(mail.outbox) == 2
    clock.shift(datetime.timedelta(days=3))  # a week since the follow: one digest with both articles
    send_digests()
    assert len(mail.outbox) == 3
    weekly = mail.outbox[2]
    assert weekly.to == ["weekly@example.org"] and weekly.subject == "The Peninsula: 2 new articles you follow"
    send_digests()
    assert len(mail.outbox) == 3


def test_an_article_two_follows_match_goes_once(clock):
    entity, author = make_entity("Kim Jong-un"), make_author("A. Writer")
    row = confirmed_follower("reader@example.org", entity=entity)
    Follow.objects.create(subscriber=row.subscriber, author=author, sent_through=NOW, frequency="weekly")
    clock.shift(datetime.timedelta(days=8))
    make_article("Both", entities=[entity], authors=[author], days_ago=0)
    send_digests()
    send_digests()
    assert len(mail.outbox) == 1 and mail.outbox[0].body.count("Both") == 1


class RefusesThirdMessage(EmailBackend):
    count = 0

    def send_messages(self, messages):
        RefusesThirdMessage.count += 1
        if RefusesThirdMessage.count == 3:
            raise smtplib.SMTPServerDisconnected("connection lost")
        return super().send_messages(messages)


class CrashesAtThirdMessage(RefusesThirdMessage):
    def send_messages(self, messages):
        if RefusesThirdMessage.count + 1 == 3:
            RefusesThirdMessage.count += 1
            raise KeyboardInterrupt  # the process dies mid-batch, not an error the run can handle
        return super().send_messages(messages)


def followers_of_a_new_article(n, clock):
    category = make_category("North Korea")
    for i in range(n):
        confirmed_follower(f"r{i}@example.org", category=category)
    clock.shift(datetime.timedelta(hours=1))
    make_article("News", categories=[category], days_ago=0)


def test_a_refused_message_is_sent_by_the_next_run_and_every_address_gets_one(settings, clock):
    followers_of_a_new_article(5, clock)
    RefusesThirdMessage.count = 0
    settings.EMAIL_BACKEND = f"{__name__}.RefusesThirdMessage"
    assert "4 message(s) sent" in send_digests()
    assert "1 message(s) sent" in send_digests()
    assert "0 message(s) sent" in send_digests()
    assert sorted(message.to[0] for message in mail.outbox) == [f"r{i}@example.org" for i in range(5)]


def test_a_crash_mid_batch_then_a_rerun_sends_no_address_twice(settings, clock):
    followers_of_a_new_article(5, clock)
    RefusesThirdMessage.count = 0
    settings.EMAIL_BACKEND = f"{__name__}.CrashesAtThirdMessage"
    with pytest.raises(KeyboardInterrupt):
        send_digests()
    assert len(mail.outbox) == 2
    output = send_digests()
    assert "2 message(s) sent" in output and "1 left by an interrupted run" in output
    addresses = [message.to[0] for message in mail.outbox]
    assert len(addresses) == len(set(addresses)) == 4  # the one in flight may have gone: never sent twice
    assert FollowDelivery.objects.filter(state="sending").count() == 1


def test_an_article_unpublished_after_its_claim_is_not_sent(clock, monkeypatch):
    from articles.follows import digests

    followers_of_a_new_article(1, clock)
    real_send = digests.send

    def unpublish_then_send(*args):
        from articles.models import Article

        Article.objects.update(status="draft")
        return real_send(*args)

    monkeypatch.setattr(digests, "send", unpublish_then_send)
    assert "1 no longer public" in send_digests()
    assert mail.outbox == []


def test_pause_stops_sends_and_resume_skips_what_came_out_meanwhile(clock):
    entity = make_entity("Seoul")
    row = confirmed_follower("reader@example.org", entity=entity)
    manage = path_of(links.manage_url(row.subscriber))
    client = Client()
    assert client.post(manage, {"follow": row.pk, "action": "pause"}).status_code == 302
    clock.shift(datetime.timedelta(hours=1))
    make_article("While paused", entities=[entity], days_ago=0)
    send_digests()
    assert mail.outbox == []
    client.post(manage, {"follow": row.pk, "action": "resume"})
    clock.shift(datetime.timedelta(hours=1))
    make_article("After resuming", entities=[entity], days_ago=0)
    send_digests()
    assert len(mail.outbox) == 1 and "While paused" not in mail.outbox[0].body


def test_the_manage_page_lists_changes_and_drops_follows(clock):
    row = confirmed_follower("reader@example.org", entity=make_entity("Seoul"))
    other = confirmed_follower("other@example.org", entity=make_entity("Tokyo"))
    manage = path_of(links.manage_url(row.subscriber))
    browser = Client(enforce_csrf_checks=True)
    page = BeautifulSoup(browser.get(manage).content, "html.parser")
    assert "Seoul" in page.main.get_text() and "Tokyo" not in page.main.get_text()
    token = page.select_one("main form input[name=csrfmiddlewaretoken]")["value"]
    assert browser.post(manage, {"follow": row.pk, "action": "frequency", "frequency": "weekly"}).status_code == 403
    browser.post(manage, {"csrfmiddlewaretoken": token, "follow": row.pk, "action": "frequency", "frequency": "weekly"})
    row.refresh_from_db()
    assert row.frequency == "weekly"
    # Another address's follow is not this link's to change.
    assert browser.post(manage, {"csrfmiddlewaretoken": token, "follow": other.pk, "action": "drop"}).status_code == 400
    browser.post(manage, {"csrfmiddlewaretoken": token, "follow": row.pk, "action": "drop"})
    assert list(Follow.objects.all()) == [other]


@pytest.mark.parametrize("name", ["manage", "unsubscribe", "confirm"])
def test_a_link_with_a_bad_signature_is_400(client, name, clock):
    row = confirmed_follower("reader@example.org", entity=make_entity("Seoul"))
    good = path_of(getattr(links, f"{name}_url")(row.subscriber))
    assert client.get(good).status_code == 200
    assert client.get(good[:-3] + "xx/").status_code == 400
    assert client.get(f"/follows/{name}/nonsense/").status_code == 400
    assert client.post(good[:-3] + "xx/", {"List-Unsubscribe": "One-Click"}).status_code in (400, 403)
    assert Follow.objects.count() == 1


def test_a_confirmation_link_expires_after_a_week(client, clock):
    subscriber = Subscriber.objects.create(email="late@example.org", status="follower")
    path = path_of(links.confirm_url(subscriber))
    clock.shift(datetime.timedelta(days=8))
    response = client.get(path)
    assert response.status_code == 400 and "expired" in response.content.decode()


def test_the_unsubscribe_page_button_needs_its_csrf_token(clock):
    row = confirmed_follower("reader@example.org", entity=make_entity("Seoul"))
    path = path_of(links.unsubscribe_url(row.subscriber))
    browser = Client(enforce_csrf_checks=True)
    assert "new articles about Seoul?" in BeautifulSoup(browser.get(path).content, "html.parser").main.get_text()
    assert browser.post(path).status_code == 403
    assert Follow.objects.exists()


def test_the_dry_run_claims_and_sends_nothing(clock):
    followers_of_a_new_article(2, clock)
    out = StringIO()
    call_command("send_digests", "--dry-run", stdout=out, stderr=StringIO())
    assert "2 article(s) due" in out.getvalue()
    assert not FollowDelivery.objects.exists() and mail.outbox == []
    assert "2 message(s) sent" in send_digests()


def test_the_task_runs_the_command(clock):
    from articles.follows.tasks import send_digests as task

    followers_of_a_new_article(1, clock)
    task.enqueue()  # the immediate backend in tests; the database backend (db_worker) by default
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("followers", [10, 50])
def test_queries_per_run_do_not_grow_with_followers(django_assert_max_num_queries, clock, followers):
    followers_of_a_new_article(followers, clock)
    with django_assert_max_num_queries(25):
        send_digests()
    assert len(mail.outbox) == followers


def test_a_mailing_list_sign_up_from_a_follower_asks_for_confirmation(client, clock):
    confirmed_follower("reader@example.org", entity=make_entity("Seoul"))
    client.post("/subscribe/", {"email": "reader@example.org"}, **SAME_SITE)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert "confirm your subscription" in mail.outbox[0].body


def test_one_click_unsubscribe_is_the_only_post_without_a_token(clock):
    """tests/test_csrf.py lets follows:unsubscribe through its scan for this POST alone."""
    row = confirmed_follower("reader@example.org", entity=make_entity("Seoul"))
    path = path_of(links.unsubscribe_url(row.subscriber))
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(path, {"List-Unsubscribe": "Something-Else"}).status_code == 403
    assert Follow.objects.exists()
    assert browser.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Follow.objects.exists()


def test_the_admin_lists_follows_and_their_send_log(clock, admin_client):
    followers_of_a_new_article(1, clock)
    send_digests()
    assert "r0@example.org" in admin_client.get("/admin/articles/follow/").content.decode()
    page = admin_client.get("/admin/articles/followdelivery/").content.decode()
    assert "News" in page and "Sent" in page
    assert admin_client.get("/admin/articles/followdelivery/add/").status_code == 403
