"""NUL characters never reach a view: an address holding one answers 404, a query parameter loses them.

No address of this site holds a NUL ("%00"), so there is no such page (as for any other slug that names
nothing). In a query string a NUL is typing noise: the page answers as if it were not there (a search
for "a\\x00b" is a search for "ab"), as the search box and filters promise a normal page for any input.
PostgreSQL refuses a NUL in any text value (a lookup with it is a DataError, a 500): one check here
instead of one per view. Forms need none: Django's form fields refuse a NUL with a message
(ProhibitNullCharactersValidator).
"""
from django.http import Http404, QueryDict

NUL = "\x00"


def has_nul(query_dict):
    return any(NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists())


def without_nul(query_dict):
    cleaned = QueryDict(mutable=True)
    for key, values in query_dict.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


class RefuseNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path:
            raise Http404("No address of this site holds a NUL character.")
        if has_nul(request.GET):
            request.GET = without_nul(request.GET)
        return self.get_response(request)
