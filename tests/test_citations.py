"""Cite this: the article's citation in each style, its files (BibTeX, RIS, CSL-JSON) and the Highwire
Press meta tags Zotero and Google Scholar read. The expected citations are written out by hand from
each style's rules (Chicago 18th ed. notes and bibliography, APA 7, MLA 9, Cite Them Right Harvard)."""
import datetime
import json
from zoneinfo import ZoneInfo

import bibtexparser
import pytest
import rispy
import time_machine
from bs4 import BeautifulSoup

from articles.citations.record import sentence_case
from articles.citations.styles import format_citations
from tests.factories import make_article, make_author, make_entity, make_series

pytestmark = pytest.mark.django_db

URL = "https://keia.org/the-peninsula/north-korea-looking-abroad/"
# The reader sees the page on March 1, 2026 (Cite Them Right's "Accessed").
READ_ON = datetime.datetime(2026, 3, 1, 15, 0, tzinfo=ZoneInfo("America/New_York"))
SEED_CITATIONS = {
    "chicago": "Nitkoski, Matthew. “North Korea Looking Abroad.” The Peninsula, Korea Economic Institute of "
               f"America, February 18, 2015. {URL}.",
    "chicago-note": "Matthew Nitkoski, “North Korea Looking Abroad,” The Peninsula, Korea Economic Institute of "
                    f"America, February 18, 2015, {URL}.",
    "apa": f"Nitkoski, M. (2015, February 18). North Korea looking abroad. The Peninsula. {URL}",
    "mla": f"Nitkoski, Matthew. “North Korea Looking Abroad.” The Peninsula, 18 Feb. 2015, {URL}.",
    "harvard": "Nitkoski, M. (2015) ‘North Korea Looking Abroad’, The Peninsula. Korea Economic Institute of "
               f"America, 18 February. Available at: {URL} (Accessed: 1 March 2026).",
}


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://keia.org"


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def highwire(soup):
    """The citation_* tags as Zotero's Embedded Metadata translator reads them: meta name/content, in order."""
    return [(tag["name"], tag["content"]) for tag in soup.head.find_all("meta", attrs={"name": True})
            if tag["name"].startswith("citation_")]


def download(client, article, extension, status=200):
    response = client.get(f"{article.get_absolute_url()}cite.{extension}")
    assert response.status_code == status
    return response


def test_the_seed_article_is_cited_in_each_style_as_its_rules_say(peninsula, site, client):
    with time_machine.travel(READ_ON, tick=False):
        soup = page(client, peninsula)
    shown = {p["id"].removeprefix("cite-"): p.get_text() for p in soup.select(".cite-this .citation")}
    assert shown == SEED_CITATIONS


def test_titles_of_works_are_in_italics_and_the_citation_is_escaped(peninsula, site, client):
    peninsula.title = "Kim & <b>Xi</b>"
    peninsula.save()
    with time_machine.travel(READ_ON, tick=False):
        soup = page(client, peninsula)
    apa = soup.select_one("#cite-apa")
    assert apa.find("i").get_text() == "The Peninsula"
    assert apa.find("b") is None and "Kim & <b>Xi</b>." in apa.get_text()  # text, not markup (Xi: a tagged person)


def test_copy_buttons_are_named_for_their_style_and_shown_by_the_script_only(peninsula, site, client):
    soup = page(client, peninsula)
    buttons = soup.select(".cite-this button.copy-citation")
    assert [button.get_text() for button in buttons] == [
        "Copy the Chicago (bibliography) citation", "Copy the Chicago (note) citation",
        "Copy the APA (7th edition) citation", "Copy the MLA (9th edition) citation",
        "Copy the Harvard (Cite Them Right) citation"]
    assert all(button.has_attr("hidden") and button["type"] == "button" for button in buttons)
    assert all(soup.find(id=button["data-copy"]) is not None for button in buttons)
    script = soup.head.find("script", src=lambda src: src and src.endswith("js/cite-this.js"))
    assert script is not None and script.has_attr("defer")
    assert not soup.find_all("script", src=False, type=lambda kind: kind != "application/ld+json")
    assert not [tag for tag in soup.find_all(True) if any(name.startswith("on") for name in tag.attrs)]


def test_sentence_case_keeps_proper_nouns_acronyms_and_the_first_word_after_a_colon():
    keep = {"kim", "jong", "un", "russia"}
    assert sentence_case("Why Kim Jong Un Visits Russia: A Look At The UN And I", keep) == \
        "Why Kim Jong Un visits Russia: A look at the UN and I"


def test_apa_keeps_the_capitals_of_the_places_and_people_the_article_is_tagged_with(site, client):
    article = make_article("South Korean Voters And Moon Jae-in Look To Pyongyang", slug="voters",
                           authors=[make_author("Jenna Gibson")],
                           entities=[make_entity("Moon Jae-in", kind="person"),
                                     make_entity("North Korea", kind="place", aliases=["Pyongyang"]),
                                     make_entity("South Korea", kind="place", demonyms=["South Korean"]),
                                     make_entity("Voters", kind="topic")])
    apa = page(client, article).select_one("#cite-apa").get_text()
    assert "South Korean voters and Moon Jae-in look to Pyongyang." in apa


def test_the_seed_article_as_bibtex_parses_with_its_fields(peninsula, site, client):
    response = download(client, peninsula, "bib")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="north-korea-looking-abroad.bib"'
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    [entry] = library.entries
    assert (entry.entry_type, entry.key) == ("misc", "nitkoski_north_2015")
    assert {key: entry[key] for key in ("author", "title", "howpublished", "publisher", "year", "date", "url")} == {
        "author": "Nitkoski, Matthew", "title": "North Korea Looking Abroad", "howpublished": "The Peninsula",
        "publisher": "Korea Economic Institute of America", "year": "2015", "date": "2015-02-18", "url": URL}
    assert entry.fields_dict["month"].value == "feb"


def test_bibtex_escapes_latex_specials(site, client):
    article = make_article("Trade & Aid: 50% of $1 #hashtag", slug="trade", authors=[make_author("Zoe Park")])
    [entry] = bibtexparser.parse_string(download(client, article, "bib").content.decode()).entries
    assert entry["title"] == r"Trade \& Aid: 50\% of \$1 \#hashtag"


def test_the_seed_article_as_ris_parses_with_its_fields(peninsula, site, client):
    response = download(client, peninsula, "ris")
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="north-korea-looking-abroad.ris"'
    [record] = rispy.loads(response.content.decode())
    assert {key: record[key] for key in ("type_of_reference", "authors", "title", "secondary_title", "publisher",
                                         "year", "date", "urls")} == {
        "type_of_reference": "BLOG", "authors": ["Nitkoski, Matthew"], "title": "North Korea Looking Abroad",
        "secondary_title": "The Peninsula", "publisher": "Korea Economic Institute of America", "year": "2015",
        "date": "2015/02/18", "urls": [URL]}


def test_the_seed_article_as_csl_json(peninsula, site, client):
    response = download(client, peninsula, "json")
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="north-korea-looking-abroad.json"'
    [item] = json.loads(response.content)
    assert {key: item[key] for key in ("id", "type", "title", "container-title", "publisher", "URL", "author",
                                       "issued")} == {
        "id": "north-korea-looking-abroad", "type": "post-weblog", "title": "North Korea Looking Abroad",
        "container-title": "The Peninsula", "publisher": "Korea Economic Institute of America", "URL": URL,
        "author": [{"family": "Nitkoski", "given": "Matthew"}], "issued": {"date-parts": [[2015, 2, 18]]}}


def test_the_csl_json_file_formats_again_to_the_same_citations(peninsula, site, client):
    [item] = json.loads(download(client, peninsula, "json").content)
    citations = format_citations(item, "North Korea looking abroad", READ_ON.date())
    assert {citation.key: citation.text for citation in citations} == SEED_CITATIONS


def test_the_meta_tags_as_zotero_reads_them(peninsula, site, client):
    assert highwire(page(client, peninsula)) == [
        ("citation_title", "North Korea Looking Abroad"),
        ("citation_author", "Nitkoski, Matthew"),
        ("citation_publication_date", "2015/02/18"),
        ("citation_public_url", URL),
        ("citation_publisher", "Korea Economic Institute of America"),
        ("citation_language", "en"),
    ]


def test_authors_are_cited_in_byline_order_not_alphabetical(site, client):
    article = make_article("Two Voices", slug="two-voices",
                           authors=[make_author("Zoe Park"), make_author("Adam Lee"), make_author("Mia Cho")])
    soup = page(client, article)
    assert [content for name, content in highwire(soup) if name == "citation_author"] == [
        "Park, Zoe", "Lee, Adam", "Cho, Mia"]
    assert soup.select_one("#cite-apa").get_text().startswith("Park, Z., Lee, A., & Cho, M. (")
    [record] = rispy.loads(download(client, article, "ris").content.decode())
    assert record["authors"] == ["Park, Zoe", "Lee, Adam", "Cho, Mia"]
    [entry] = bibtexparser.parse_string(download(client, article, "bib").content.decode()).entries
    assert entry["author"] == "Park, Zoe and Lee, Adam and Cho, Mia"


def test_a_group_byline_is_cited_as_an_organisation(site, client):
    article = make_article("Weekly Briefing", slug="weekly", series=make_series("Korea View", slug="korea-view"),
                           published_at=datetime.datetime(2016, 5, 6, 16, tzinfo=datetime.timezone.utc))
    soup = page(client, article)
    assert ("citation_author", "Korea View") in highwire(soup)
    assert soup.select_one("#cite-apa").get_text().startswith("Korea View. (2016, May 6). Weekly briefing.")
    assert soup.select_one("#cite-chicago").get_text().startswith("Korea View. “Weekly Briefing.”")
    [item] = json.loads(download(client, article, "json").content)
    assert item["author"] == [{"literal": "Korea View"}]
    [record] = rispy.loads(download(client, article, "ris").content.decode())
    assert record["authors"] == ["Korea View"]
    text = download(client, article, "bib").content.decode()
    assert "author = {{Korea View}}," in text
    assert bibtexparser.parse_string(text).entries[0]["author"] == "{Korea View}"


def test_an_author_that_is_an_organisation_is_not_split_into_names(site, client):
    institute = make_author("Korea Economic Institute",
                            entity=make_entity("Korea Economic Institute", kind="organization"))
    article = make_article("Annual Report", slug="report", authors=[institute, make_author("Troy Stangarone")])
    soup = page(client, article)
    assert [content for name, content in highwire(soup) if name == "citation_author"] == [
        "Korea Economic Institute", "Stangarone, Troy"]
    assert soup.select_one("#cite-mla").get_text().startswith("Korea Economic Institute, and Troy Stangarone.")


@pytest.mark.parametrize("status, days_ago", [("draft", 1), ("review", 1), ("published", -3)])
def test_an_unpublished_articles_citation_files_are_404(client, status, days_ago):
    article = make_article("Not Yet", slug="not-yet", status=status, days_ago=days_ago)
    statuses = [client.get(f"{article.get_absolute_url()}cite.{extension}").status_code
                for extension in ("bib", "ris", "json")]
    assert statuses == [404, 404, 404]


def test_the_citation_urls_never_take_the_article_url(client):
    article = make_article("Cite", slug="cite.bib")
    assert client.get("/the-peninsula/cite.bib/").status_code == 200
    assert download(client, article, "ris")["Content-Disposition"] == 'attachment; filename="cite.bib.ris"'
    assert client.get("/the-peninsula/cite.bib/cite.txt").status_code == 404


def test_a_unicode_slug_gets_an_encoded_filename(client):
    article = make_article("한반도", slug="한반도")
    disposition = download(client, article, "bib")["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''%ED%95%9C")


def test_a_preview_has_no_citation(staff_client):
    draft = make_article("Draft", slug="draft", status="draft")
    soup = page(staff_client, draft)
    assert soup.select(".cite-this") == [] and highwire(soup) == []


def test_citations_are_formatted_once_per_content_generation(peninsula, client, monkeypatch):
    from articles.caching import values as citation_page

    calls = []
    original = citation_page.article_citations
    monkeypatch.setattr(citation_page, "article_citations", lambda *args: calls.append(1) or original(*args))
    page(client, peninsula)
    client.get(peninsula.get_absolute_url(), {"utm_source": "x"})
    assert len(calls) == 1
    peninsula.title = "North Korea Looks Abroad"
    peninsula.save()
    assert "North Korea Looks Abroad" in page(client, peninsula).select_one("#cite-mla").get_text()
    assert len(calls) == 2
