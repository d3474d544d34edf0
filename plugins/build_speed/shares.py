"""Pure arithmetic of the fast build: which pages each worker renders, and the taxonomy pages'
`dates` list in linear time (how many workers: vn_core.forking.worker_count). No Pelican, no I/O."""


class Share:
    """Worker `index` of `count` renders every count-th page it is offered, counted in the order
    every process offers them: neighbouring pages cost about the same, so the shares balance."""

    def __init__(self, index: int, count: int):
        self.index = index
        self.count = count
        self.offered = 0

    def take(self) -> bool:
        mine = self.offered % self.count == self.index
        self.offered += 1
        return mine


def positions_of(ordered) -> dict:
    """Each item's position in `ordered`, by identity (Pelican's `in` on articles compares identity)."""
    return {id(item): position for position, item in enumerate(ordered)}


def in_order(items, ordered, positions) -> list:
    """`[a for a in ordered if a in items]` in O(len(items) log len(items)): each item once, in the
    order of `ordered`, leaving out items that `ordered` lacks."""
    found = sorted({positions[id(item)] for item in items if id(item) in positions})
    return [ordered[position] for position in found]
