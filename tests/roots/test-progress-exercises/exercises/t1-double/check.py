"""Double a number

A plain-Python exercise for the progress tests.
"""

from kq.checking import Hint, calling, require

TRACK = 1

HINTS = {
    "not-callable": Hint("`double` must be a function.", see="01-alpha#scaling-numbers"),
    "raises": Hint("Calling `double(4)` raised an error.", see="01-alpha#scaling-numbers"),
    "wrong-value": Hint("`double(4)` should be 8.", see="01-alpha#scaling-numbers"),
    "same": Hint("You returned `x` itself.", see="01-alpha#scaling-numbers"),
    "string": Hint("Return a number, not text.", see="01-alpha#scaling-numbers"),
}


def check(answer):
    require(callable(answer.double), "not-callable")
    with calling("raises"):
        value = answer.double(4)
    require(not isinstance(value, str), "string")
    require(value != 4, "same")
    require(value == 8, "wrong-value")
