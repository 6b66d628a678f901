"""``python -m generator diff``: what changed for client users between two versions of the spec.

``compare`` reads two normalised models; ``sources`` loads them (from a directory or a git
ref) through the real pipeline; ``report`` shows the changes; ``cli`` is the command.

The classes, judged from a user of the generated client who type-checks their code:

- **breaking**: code, calls or answers that worked may fail. Besides removals and
  narrowings, this includes a field that may now be absent (its type becomes ``X | None``),
  a documented field added (answers without it are refused), a field made secret (its type
  becomes ``SecretStr``), any change of a field's Python type, and a call no longer retried.
- **non-breaking**: additions and relaxations; nothing that worked stops working.
- **drift-accepting**: what the contract check reported as drift is now known: a code added
  to a table or to the return codes, an example-only field that may now be absent, a number
  documented in the wire form captures show.

Every code table is open (unknown codes keep their number), so no table can be closed or
opened: the spec format has no such switch to compare.
"""

from .change import IMPACTS, Change, Impact
from .compare import compare

__all__ = ["IMPACTS", "Change", "Impact", "compare"]
