"""Keras Quest's exercise checker: ``kq list`` and ``kq check`` (see ``kq/cli.py``).

Each code exercise is a folder under ``kq/exercises/``; ``kq/checking.py`` runs a learner's
answer against it and says what is wrong, with a hint that names the mistake.
"""
