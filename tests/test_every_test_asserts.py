"""Every test asserts something: a test function with no `assert`, `pytest.raises`/`fail`/`warns`, query
count or `assert_*` helper call passes whatever the code does."""
import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
CHECKING_CALLS = {"raises", "fail", "warns", "django_assert_num_queries", "django_assert_max_num_queries"}


def checks_something(function):
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name.startswith("assert") or name in CHECKING_CALLS:  # assertNumQueries, assert_harmless...
                return True
    return False


def unchecked_tests(source, where="<source>"):
    return [f"{where}:{node.lineno} {node.name}" for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test")
            and not checks_something(node)]


def test_the_scan_tells_a_test_that_checks_from_one_that_does_not():
    source = '''
def test_nothing(client):
    client.get("/")

def test_compares():
    assert 1 + 1 == 2

def test_expects_an_error():
    with pytest.raises(ValueError):
        int("x")

def test_counts_queries(django_assert_num_queries):
    with django_assert_num_queries(1):
        pass

def test_uses_a_helper():
    assert_harmless("<p>")
'''
    assert unchecked_tests(source) == ["<source>:2 test_nothing"]


def test_every_test_function_checks_something():
    missing = [found for path in sorted(TESTS.rglob("test_*.py"))
               for found in unchecked_tests(path.read_text(encoding="utf-8"), path.relative_to(TESTS))]
    assert missing == []
