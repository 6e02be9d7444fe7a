"""Create N realistic synthetic articles (about 900 words, 1-3 of 300 authors, 20 categories,
3-8 of 2,000 entities, dates over 15 years) for demos and benchmarks."""
import html
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from tqdm import tqdm

from articles import synthetic_corpus as corpus
from articles.models import Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity

BATCH = 500


class Command(BaseCommand):
    help = "Create N synthetic published articles (slugs corpus-000001…); existing ones are left as they are."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=2015)
        parser.add_argument("--authors", type=int, default=300)
        parser.add_argument("--entities", type=int, default=2000)
        parser.add_argument("--words", type=int, default=900)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, count, seed, authors, entities, words, no_progress, **options):
        if count < 0 or count > 1_000_000:
            raise CommandError("count must be between 0 and 1,000,000.")
        rng = random.Random(seed)
        with transaction.atomic():
            author_rows = self.ensure_authors(authors, seed)
            category_rows = self.ensure_categories()
            entity_rows = self.ensure_entities(entities, seed)
            existing = set(Article.objects.filter(slug__startswith="corpus-").values_list("slug", flat=True))
            dates = corpus.article_dates(count, random.Random(seed + 1))
            created = 0
            progress = tqdm(total=count, disable=no_progress or count < 1000, desc="articles", file=self.stderr)
            for start in range(0, count, BATCH):
                batch = [i for i in range(start, min(start + BATCH, count)) if f"corpus-{i + 1:06d}" not in existing]
                created += self.create_batch(batch, dates, rng, author_rows, category_rows, entity_rows, words)
                progress.update(min(BATCH, count - start))
            progress.close()
        self.after_bulk_create()
        self.stdout.write(self.style.SUCCESS(
            f"make_corpus: {created} articles created, {count - created} already there; "
            f"{len(author_rows)} authors, {len(category_rows)} categories, {len(entity_rows)} entities."
        ))

    def after_bulk_create(self):
        """bulk_create sends no signals: let other parts (the search index) catch up in one go."""
        from articles.signals import articles_bulk_created

        articles_bulk_created.send(sender=Article, slugs_prefix="corpus-")

    def ensure_categories(self):
        rows = [Category(name=name, slug=slugify(name)) for name in corpus.CATEGORIES]
        Category.objects.bulk_create(rows, ignore_conflicts=True)
        return list(Category.objects.filter(slug__in=[row.slug for row in rows]).order_by("pk"))

    def ensure_entities(self, count, seed):
        """The corpus's entities, matched by normalised key so existing ones are reused."""
        wanted = []
        for name, kind in corpus.entity_specs(count, random.Random(seed)):
            entity = Entity(name=name, kind=kind, slug=slugify(name))
            entity.key = entity.compute_key()
            wanted.append(entity)
        existing_keys = set(Entity.objects.filter(key__in=[e.key for e in wanted]).values_list("key", flat=True))
        existing_slugs = set(Entity.objects.filter(slug__in=[e.slug for e in wanted]).values_list("slug", flat=True))
        Entity.objects.bulk_create(
            [e for e in wanted if e.key not in existing_keys and e.slug not in existing_slugs])
        return list(Entity.objects.filter(key__in=[e.key for e in wanted]).order_by("pk"))

    def ensure_authors(self, count, seed):
        names = corpus.person_names(count, random.Random(seed))
        rows = [Author(name=name, slug=f"corpus-{slugify(name)}", bio=f"{name} writes on Korean affairs.")
                for name in names]
        Author.objects.bulk_create(rows, ignore_conflicts=True)
        return list(Author.objects.filter(slug__in=[row.slug for row in rows]).order_by("pk"))

    def create_batch(self, indexes, dates, rng, authors, categories, entities, words):
        articles, links = [], []
        for i in indexes:
            chosen = rng.sample(entities, rng.randint(3, min(8, len(entities)))) if entities else []
            names = [e.name for e in chosen]
            topics = corpus.article_topics(rng, names)
            paragraphs = corpus.article_text(rng, names, words, topics)
            article = Article(
                title=corpus.title(rng, names, topics), slug=f"corpus-{i + 1:06d}", status=Article.Status.PUBLISHED,
                published_at=dates[i], body="\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
            )
            article.derive_fields()
            articles.append(article)
            links.append((article, rng.sample(authors, rng.randint(1, 3)), rng.choice(categories), chosen))
        Article.objects.bulk_create(articles)
        by_slug = dict(Article.objects.filter(slug__in=[a.slug for a in articles]).values_list("slug", "pk"))
        author_links, category_links, entity_links = [], [], []
        for article, article_authors, category, chosen in links:
            pk = by_slug[article.slug]
            author_links += [ArticleAuthor(article_id=pk, author=a, position=n) for n, a in enumerate(article_authors)]
            category_links.append(ArticleCategory(article_id=pk, category=category, position=0))
            entity_links += [ArticleEntity(content_object_id=pk, tag=e, position=n, is_main=n < 2)
                             for n, e in enumerate(chosen)]
        ArticleAuthor.objects.bulk_create(author_links)
        ArticleCategory.objects.bulk_create(category_links)
        ArticleEntity.objects.bulk_create(entity_links)
        return len(articles)
