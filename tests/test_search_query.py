"""The query parser turns anything a reader types into safe backend syntax."""
import pytest

from articles.search.query import MAX_TERMS, parse


def test_words_phrases_exclusions_and_prefix():
    query = parse('trade "free port" -china -"yellow sea" sanc')
    assert [(t.tokens, t.negated, t.prefix) for t in query.terms] == [
        (("trade",), False, False), (("free", "port"), False, False), (("china",), True, False),
        (("yellow", "sea"), True, False), (("sanc",), False, True)]
    assert query.fts5() == '(("trade" AND "free port" AND "sanc"*) NOT "china") NOT "yellow sea"'
    assert query.websearch() == '"trade" "free port" -"china" -"yellow sea"'
    assert query.tsquery_prefix() == "sanc:*"


def test_operators_and_punctuation_never_reach_the_backend_unquoted():
    query = parse('NEAR(a b) title:x AND ^y OR *z "')
    assert all(token.isalnum() for term in query.terms for token in term.tokens)
    assert query.fts5().count('"') % 2 == 0


@pytest.mark.parametrize("text", ["", "   ", "-", '"', "---", "😀", "\x00\x07", "-alone", "*"])
def test_nothing_to_look_for_is_an_empty_query(text):
    assert not parse(text)


def test_short_or_quoted_last_words_are_not_prefixes():
    assert not parse("to").terms[0].prefix
    assert not parse('"korea"').terms[0].prefix


def test_long_input_is_bounded():
    query = parse("word " * 5000)
    assert len(query.terms) == MAX_TERMS
    assert len(parse("x" * 10_000).terms[0].tokens[0]) <= 40


def test_curly_quotes_and_hyphenated_names_make_phrases():
    assert parse("“Kim Jong-un”").terms[0].tokens == ("Kim", "Jong", "un")
    assert parse("Jong-un visit").terms[0].is_phrase
