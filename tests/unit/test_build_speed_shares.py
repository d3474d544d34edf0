"""plugins/build_speed: how pages are shared between workers, the linear `dates` of taxonomy pages,
and a forked worker's failure reaching the parent."""

import os
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

from build_speed import glue, shares  # noqa: E402


@pytest.mark.parametrize(
    "wanted, usable, can_fork, expected",
    [(None, 2, True, 2), (None, 1, True, 1), (3, 2, True, 3), (1, 8, True, 1), (0, 2, True, 1), (None, 4, False, 1), (4, 4, False, 1)],
)
def test_worker_count_is_the_setting_or_the_usable_cpus_and_one_without_fork(wanted, usable, can_fork, expected):
    assert shares.worker_count(wanted, usable, can_fork) == expected


@pytest.mark.parametrize("count, pages", [(1, 0), (1, 5), (2, 1), (2, 7), (3, 9), (3, 10), (4, 2)])
def test_shares_cover_every_page_exactly_once_and_differ_by_at_most_one(count, pages):
    taken = []
    for index in range(count):
        share = shares.Share(index, count)
        taken.append([page for page in range(pages) if share.take()])
    assert sorted(page for pages_of in taken for page in pages_of) == list(range(pages))
    sizes = [len(pages_of) for pages_of in taken]
    assert max(sizes) - min(sizes) <= 1


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


def test_in_order_equals_pelicans_comprehension_including_items_outside_the_order():
    ordered = [Item(name) for name in "abcdefg"]
    outsider = Item("x")
    positions = shares.positions_of(ordered)
    for items in ([], [ordered[3]], ordered[::-1], [ordered[6], outsider, ordered[0], ordered[0]], ordered):
        assert shares.in_order(items, ordered, positions) == [item for item in ordered if item in items]


class Writer:
    def render_filter(self, name, page_context):
        return True


class FailsOnPageOne:
    """A page generator whose page 1 cannot be rendered: with 2 workers it is the child's."""

    def generate_output(self, writer):
        for page in range(4):
            if writer.render_filter(f"page{page}.html", {}) and page == 1:
                raise ValueError("page 1 cannot be rendered")


def test_a_failing_worker_fails_the_parent_with_its_error_message():
    generator = FailsOnPageOne()
    outputs = {id(generator): generator.generate_output}
    children = glue._start_workers(2, [generator], outputs, Writer())
    assert len(children) == 1
    assert all(child[0] != os.getpid() for child in children)
    with pytest.raises(glue.WorkerFailed, match="(?s)worker 1 of 2 failed.*page 1 cannot be rendered"):
        glue._join_workers(children, 2)


class RendersItsShare:
    def generate_output(self, writer):
        for page in range(5):
            writer.render_filter(f"page{page}.html", {})


def test_workers_that_succeed_join_quietly():
    generator = RendersItsShare()
    children = glue._start_workers(3, [generator], {id(generator): generator.generate_output}, Writer())
    assert len(children) == 2
    glue._join_workers(children, 3)
