"""GenerationMemo: values kept in this process for one content generation."""
import threading
import time


class GenerationMemo:
    """Values derived from the content, kept in this process for one generation and until the next
    scheduled publication, whichever ends first. Bounded: past `max_entries` it starts again."""

    def __init__(self, max_entries=5000):
        self.max_entries = max_entries
        self.lock = threading.Lock()
        self.forget()

    def forget(self):
        self.generation, self.until, self.values = None, float("inf"), {}

    def _start(self, generation, until):
        """With the lock held: begin afresh for another generation, past `until`, or when full."""
        if generation != self.generation or time.time() >= self.until or len(self.values) >= self.max_entries:
            self.forget()
            self.generation = generation
        self.until = min(self.until, until)

    def get(self, generation, key, compute, until=float("inf")):
        with self.lock:
            self._start(generation, until)
            if key in self.values:
                return self.values[key]
        value = compute()
        with self.lock:
            if self.generation == generation:
                self.values[key] = value
        return value

    def get_many(self, generation, keys, compute_missing, until=float("inf")):
        """{key: value} for `keys`; `compute_missing(keys)` gives {key: value} for those not kept, in one
        go. A key it leaves out is left out of the answer and not kept."""
        with self.lock:
            self._start(generation, until)
            found = {key: self.values[key] for key in keys if key in self.values}
        missing = [key for key in keys if key not in found]
        if missing:
            computed = compute_missing(missing)
            with self.lock:
                if self.generation == generation:
                    self.values.update(computed)
            found.update(computed)
        return found

    def expire_at(self, generation, timestamp):
        with self.lock:
            if self.generation == generation:
                self.until = min(self.until, timestamp)

    def clear(self):
        """Drop everything kept, from any thread."""
        with self.lock:
            self.forget()
