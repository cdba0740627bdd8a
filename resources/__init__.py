"""Fonts, slip texts, the style sheet, icons and compiled translations, installed as the data
package `staffdesk.resources` (see setup.py). Read them through staffdesk.assets."""
