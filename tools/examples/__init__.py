"""The example runner: every Python block in docs/ runs, page by page, on every backend.

``plan`` has Sphinx read the pages (the ``examples`` builder of extensions/examples) and loads
the run plan it writes for each page, ``runner`` runs a plan in a process of its own, offline
(``child`` is what that process executes, ``sandbox`` its network guard), ``warm`` keeps one
worker per backend that has imported Keras and forks each page's process from it, ``results``
keeps passing runs so an unchanged page on an unchanged stack is not run again, ``output``
compares printed with expected output, ``schedule`` keeps two page processes busy at once,
``plugin`` plans the runs of a pytest session and reports skips and timings at its end, and
``changed`` finds the pages whose plan a branch changes (``make check``).
"""
