"""Fixed-window rate limits kept in the cache that never evicts ("state": on local disk, shared by every
worker on the host, or Redis shared by every host): evicted, a counter would start again at zero."""
import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.utils.connection import ConnectionProxy


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the one our own trusted proxies put in X-Forwarded-For."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        # Entries left of the ones our proxies added were written by the client and may be forged.
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


cache = ConnectionProxy(caches, "state")


class RateLimit:
    """At most `limit` hits per `window` seconds for one identity (an address, an IP)."""

    def __init__(self, scope, limit, window):
        self.scope, self.limit, self.window = scope, limit, window

    def key(self, identity):
        digest = hashlib.sha256(str(identity).lower().encode()).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{digest}:{int(time.time() // self.window)}"

    def exceeded(self, identity):
        return (cache.get(self.key(identity)) or 0) >= self.limit

    def hit(self, identity):
        """Count one hit; returns the count so far in this window."""
        key = self.key(identity)
        cache.add(key, 0, self.window)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, self.window)
            return 1
