"""The example runner: every Python block in docs/ runs, page by page, on every backend.

``parse`` finds the blocks of a MyST page, ``runner`` runs them in a fresh offline process
(``child`` is what that process executes, ``sandbox`` its network guard), ``output`` compares
printed with expected output, ``schedule`` keeps two page processes busy at once, and
``plugin`` plans the runs of a pytest session and reports skips and timings at its end.
"""
