"""Renamed settings (vn_core.renamed) carried to their new names as soon as Pelican has read them."""

import logging

from pelican import signals

from trangtin.vn_core.renamed import carry_renamed

logger = logging.getLogger(__name__)


def _carry(pelican):
    for message in carry_renamed(pelican.settings):
        logger.warning(message)


def connect():
    signals.initialized.connect(_carry)
