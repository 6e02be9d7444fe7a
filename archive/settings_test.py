"""Test settings: the real settings, with storage and hashing that need no collectstatic and run fast."""
import os

os.environ.setdefault("SECRET_KEY", "test-settings-not-a-secret")
os.environ["DJANGO_ENV_FILE"] = ""  # a developer's .env never reaches the tests (nor their subprocesses)

from .settings import *  # noqa: E402,F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

if CACHES["default"]["BACKEND"].endswith("DjangoCache"):  # noqa: F405
    # The default shared disk cache, in a directory of this test run's own (removed at exit).
    import atexit
    import shutil
    import tempfile

    _test_cache_dir = tempfile.mkdtemp(prefix="peninsula-test-cache-")
    CACHES["default"]["LOCATION"] = _test_cache_dir  # noqa: F405
    CACHES["state"]["LOCATION"] = os.path.join(_test_cache_dir, "state")  # noqa: F405
    atexit.register(shutil.rmtree, _test_cache_dir, True)
# Tests import real exports full of pictures on the web: no fetching unless a test asks (tests/test_import_pictures.py).
IMPORT_COPY_IMAGES = False
SITE_URL = "http://testserver"  # the test client's host: absolute URLs read as the requests that made them
