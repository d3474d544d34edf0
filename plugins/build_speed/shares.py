"""Pure arithmetic of the fast build: which pages each worker renders (how many workers:
vn_core.forking.worker_count). No Pelican, no I/O."""


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
