"""Qt Designer forms, installed as the data package `staffdesk.forms` (see setup.py).

Read them through staffdesk.assets, never by a path relative to the source tree.
"""
