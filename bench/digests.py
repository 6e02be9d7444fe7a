"""send_digests at scale: 10,000 confirmed followers, 50 new posts; CPU time, queries and peak memory.

    .venv/bin/python bench/digests.py [--followers 10000] [--posts 50]

A fresh SQLite database in bench/.data/ (rebuilt each run), Django's locmem email backend (messages are
built and kept in memory, not delivered). Each follower follows 2 of 20 targets (10 categories, 10
entities); each post has one category and two entities, so most followers get a digest of several posts.
CPU time is time.process_time (SQLite included); peak memory is the process's peak RSS (the outbox of
all 10,000 messages included), and with --tracemalloc the peak of Python allocations during the run.
"""
import argparse
import os
import resource
import sys
import time
import tracemalloc
from datetime import timedelta
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(followers, posts):
    from django.utils import timezone

    from archive.models import Subscriber
    from articles.models import Article, ArticleCategory, ArticleEntity, Category, Entity, Follow

    now = timezone.now()
    categories = [Category.objects.create(name=f"Category {n}", slug=f"category-{n}") for n in range(10)]
    entities = [Entity.objects.create(name=f"Entity {n}", kind="topic") for n in range(10)]
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n}@example.org", status="follower", confirmed_at=now - timedelta(days=30),
                   token=f"bench-token-{n}") for n in range(followers))
    targets = [{"category": c} for c in categories] + [{"entity": e} for e in entities]
    follows = []
    for n, subscriber in enumerate(Subscriber.objects.order_by("pk")):
        for target in (targets[n % 20], targets[(n * 7 + 3) % 20]):
            follows.append(Follow(subscriber=subscriber, sent_through=now - timedelta(hours=1), **target))
    Follow.objects.bulk_create(follows, ignore_conflicts=True)
    for n in range(posts):
        article = Article.objects.create(title=f"Post {n}", slug=f"post-{n}", status="published",
                                         published_at=now - timedelta(minutes=posts - n),
                                         body=f"<p>Post {n} on the peninsula's economy and its neighbours.</p>")
        ArticleCategory.objects.create(article=article, category=categories[n % 10], position=0)
        ArticleEntity.objects.create(content_object=article, tag=entities[n % 10], position=0)
        ArticleEntity.objects.create(content_object=article, tag=entities[(n + 3) % 10], position=1)
    return Follow.objects.count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--followers", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=50)
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also trace Python allocations (their peak; slows the run about 2.5x, so CPU time is not comparable)")
    args = parser.parse_args()
    data = ROOT / "bench" / ".data"
    data.mkdir(parents=True, exist_ok=True)
    database = data / "digests.sqlite3"
    database.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings_test")
    import django

    django.setup()
    from django.core import mail
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    follows = build(args.followers, args.posts)
    mail.outbox = []
    if args.tracemalloc:
        tracemalloc.start()
    cpu = time.process_time()
    with CaptureQueriesContext(connection) as queries:
        out = StringIO()
        call_command("send_digests", stdout=out, stderr=StringIO())
    cpu = time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
    articles = sum(len(m.body.split("(You follow")) - 1 for m in mail.outbox)
    print(f"{args.followers} followers ({follows} follows), {args.posts} new posts")
    print(out.getvalue().strip())
    print(f"messages {len(mail.outbox)}, articles in them {articles}, SQL queries {len(queries)}")
    print(f"CPU time {cpu:.1f} s ({cpu / max(len(mail.outbox), 1) * 1000:.2f} ms a message)")
    print((f"peak Python allocations during the run {peak / 2**20:.0f} MiB (tracemalloc); " if peak else "")
          + f"peak RSS of the process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    cpu = time.process_time()
    call_command("send_digests", stdout=(again := StringIO()), stderr=StringIO())
    print(f"second run: {again.getvalue().strip()} (CPU {time.process_time() - cpu:.2f} s)")


if __name__ == "__main__":
    main()
