"""The metadata is in setup.cfg. This file adds what setup.cfg cannot say: the top-level forms/
and resources/ folders are installed inside the package, as staffdesk.forms and
staffdesk.resources, so a wheel (and a bundle) carries them and importlib.resources finds them
the same way in a clone (editable install), an installed wheel and a PyInstaller bundle."""

from setuptools import find_packages, setup

DATA_PACKAGES = {"staffdesk.forms": "forms", "staffdesk.resources": "resources"}

setup(
    packages=[*find_packages(include=["staffdesk", "staffdesk.*"]), *DATA_PACKAGES],
    package_dir=DATA_PACKAGES,
)
