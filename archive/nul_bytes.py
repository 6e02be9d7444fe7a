"""Addresses carrying a NUL character answer 404 before any view sees them.

No address or query of this site holds a NUL ("%00"), so there is no such page (as for any other
slug or filter that names nothing); and PostgreSQL refuses a NUL in any text value (a lookup with it
is a DataError, a 500): one check here instead of one per view. Forms need none:
Django's form fields refuse a NUL with a message (ProhibitNullCharactersValidator).
"""
from django.http import Http404

NUL = "\x00"


def has_nul(query_dict):
    return any(NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists())


class RefuseNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or has_nul(request.GET):
            raise Http404("No address of this site holds a NUL character.")
        return self.get_response(request)
