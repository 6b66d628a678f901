"""``python -m generator diff``: what changed for client users between two versions of the spec.

``compare`` reads two normalised models; ``sources`` loads them (from a directory or a git
ref) through the real pipeline; ``report`` shows the changes; ``cli`` is the command.
"""

from .change import IMPACTS, Change, Impact
from .compare import compare

__all__ = ["IMPACTS", "Change", "Impact", "compare"]
