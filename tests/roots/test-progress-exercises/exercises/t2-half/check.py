"""Halve a number

A plain-Python exercise for the progress tests.
"""

from kq.checking import Hint, calling, require

TRACK = 2

HINTS = {
    "not-callable": Hint("`half` must be a function.", see="02-beta#halving"),
    "raises": Hint("Calling `half(4)` raised an error.", see="02-beta#halving"),
    "wrong-value": Hint("`half(4)` should be 2.", see="02-beta#halving"),
    "same": Hint("You returned `x` itself.", see="02-beta#halving"),
    "string": Hint("Return a number, not text.", see="02-beta#halving"),
}


def check(answer):
    require(callable(answer.half), "not-callable")
    with calling("raises"):
        value = answer.half(4)
    require(not isinstance(value, str), "string")
    require(value != 4, "same")
    require(value == 2.0, "wrong-value")
