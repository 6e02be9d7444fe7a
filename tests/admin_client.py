"""The admin as a browser uses it: a logged-in client, and forms read the way they would be submitted."""
from bs4 import BeautifulSoup
from django.test import Client


def login(user):
    """A fresh client logged in as `user` (tests often need several roles at once)."""
    client = Client()
    client.force_login(user)
    return client


def form_data(client, url, form_id=None):
    """The values the admin form at `url` (the article form unless `form_id`) would submit unchanged."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id=form_id or "article_form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file") or field.name == "button":
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data
