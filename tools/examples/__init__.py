"""The example runner: every Python block in docs/ runs, page by page, on every backend.

``plan`` has Sphinx read the pages (the ``examples`` builder of extensions/examples) and loads
the run plan it writes for each page, ``runner`` runs a plan in a fresh offline process
(``child`` is what that process executes, ``sandbox`` its network guard), ``output`` compares
printed with expected output, ``schedule`` keeps two page processes busy at once, ``plugin``
plans the runs of a pytest session and reports skips and timings at its end, and ``changed``
finds the pages whose plan a branch changes (``make check``).
"""
