"""vn_core.forking.forked_map: the plain loop's answers, in order, whatever the number of processes;
an error is raised here as the plain loop raises it, and no child is left behind."""

import os
import sys

import pytest

from conftest import ROOT


from trangtin.vn_core.forking import forked_map  # noqa: E402


def square_with_pid(number):
    return number * number, os.getpid()


@pytest.mark.parametrize("processes, count", [(1, 10), (2, 0), (2, 1), (2, 11), (3, 10), (8, 3)])
def test_answers_are_the_plain_loops_in_order_when_shared_between_processes(processes, count):
    answers = forked_map(square_with_pid, range(count), processes)
    assert [square for square, _pid in answers] == [n * n for n in range(count)]
    pids = {pid for _square, pid in answers}
    assert len(pids) == (min(processes, count) if count else 0)
    assert os.getpid() in pids or not count


def fails_on_seven(number):
    if number == 7:
        raise ValueError(f"bad number {number}")
    return number


def children_of_this_process() -> set:
    """Every child of this process, reaped or not yet (Linux /proc): other tests may have their own."""
    found = set()
    for thread in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{thread}/children", encoding="ascii") as handle:
            found |= {int(pid) for pid in handle.read().split()}
    return found


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_an_error_in_any_share_is_raised_here_as_the_plain_loop_raises_it(processes):
    before = children_of_this_process()
    # 7 is in the share of process 7 % processes: a child's for 2 and 3, this process's for 1.
    with pytest.raises(ValueError, match="bad number 7"):
        forked_map(fails_on_seven, range(12), processes)
    assert children_of_this_process() <= before  # every child was reaped
