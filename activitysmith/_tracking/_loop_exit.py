"""Why a `for` loop dropped its iterator early: `break`/`return`, or an exception.

Python does not tell an iterator why the loop around it stopped; a generator just gets
closed either way. But CPython drops the loop's iterator at a known instruction: a plain
`break` or `return` pops it (POP_TOP on 3.11 to 3.15; 3.15 keeps two stack entries per loop
and pops both with POP_TOP; POP_ITER, new in 3.14, pops it only when the loop runs out), or a
rebinding, `del` or `return` releases a variable that held it. An exception drops it while
unwinding, with the frame still at the instruction that raised.

`co_code` is the code as compiled: specialised instructions (the adaptive interpreter) and
instrumented ones (sys.settrace, sys.monitoring) read as their plain forms. `f_lasti` is the
byte offset of the current instruction; during a call 3.11 and 3.12 point it into its inline
cache, which reads as CACHE: still not an ordinary exit, and none of the ordinary exits has a
cache. tests/progress/test_loop_exit.py checks every loop shape on each supported Python.

Anything we cannot read (another interpreter, an unusual frame) counts as an exception: a job
that may have failed is better shown red than green.
"""

from __future__ import annotations

import dis
from types import FrameType

__all__ = ["left_by_exception"]

# Instructions at which ordinary control flow releases a loop's iterator (or a variable
# holding one): a loop exit, a rebinding or deletion, a return.
_ORDINARY = frozenset(
    dis.opmap[name]
    for name in (
        "POP_TOP",
        "POP_ITER",
        "END_FOR",
        "STORE_FAST",
        "STORE_NAME",
        "STORE_GLOBAL",
        "STORE_DEREF",
        "DELETE_FAST",
        "DELETE_NAME",
        "DELETE_GLOBAL",
        "DELETE_DEREF",
        "RETURN_VALUE",
        "RETURN_CONST",
    )
    if name in dis.opmap
)


def left_by_exception(frame: FrameType | None) -> bool:
    """Whether `frame`, the loop's frame, released our iterator while an exception unwound it."""
    if frame is None:
        return True
    try:
        opcode = frame.f_code.co_code[frame.f_lasti]
    except (AttributeError, IndexError, TypeError):
        return True
    return opcode not in _ORDINARY
