"""Triple a number

A plain-Python exercise for the progress tests.
"""

from kq.checking import Hint, calling, require

TRACK = 1

HINTS = {
    "not-callable": Hint("`triple` must be a function.", see="01-alpha#scaling-numbers"),
    "raises": Hint("Calling `triple(4)` raised an error.", see="01-alpha#scaling-numbers"),
    "wrong-value": Hint("`triple(4)` should be 12.", see="01-alpha#scaling-numbers"),
    "same": Hint("You returned `x` itself.", see="01-alpha#scaling-numbers"),
    "string": Hint("Return a number, not text.", see="01-alpha#scaling-numbers"),
}


def check(answer):
    require(callable(answer.triple), "not-callable")
    with calling("raises"):
        value = answer.triple(4)
    require(not isinstance(value, str), "string")
    require(value != 4, "same")
    require(value == 12, "wrong-value")
