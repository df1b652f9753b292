import os

# Tests run with DEBUG off, as production does; the key is a test-only stand-in.
os.environ.setdefault("ALLOW_INSECURE_DEV_KEY", "1")
