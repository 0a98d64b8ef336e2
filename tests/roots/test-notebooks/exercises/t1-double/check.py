"""Double a number

A plain-Python exercise for the extension's tests.
"""

from kq.checking import Hint, calling, require

TRACK = 1

HINTS = {
    "not-callable": Hint("`double` must be a function.", see="01-demo#a-section"),
    "raises": Hint("Calling `double(2)` raised an error.", see="01-demo#a-section"),
    "squares": Hint("You squared `x`; double it instead.", see="01-demo#a-section"),
    "wrong-value": Hint("`double(2)` should be 4.", see="01-demo#a-section"),
    "string": Hint("Return a number, not text.", see="01-demo#a-section"),
}


def check(answer):
    require(callable(answer.double), "not-callable")
    with calling("raises"):
        four = answer.double(2)
    require(not isinstance(four, str), "string")
    with calling("raises"):
        nine = answer.double(3)
    require(nine != 9, "squares")
    require(four == 4 and nine == 6, "wrong-value")
