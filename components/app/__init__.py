"""The Streamlit glue: the cached store, widgets bound to the URL, cards, navigation.

Every page imports this package, so the one fix below that needs Streamlit's internals runs here and
nowhere else."""

from streamlit import rerun
from streamlit.runtime.pages_manager import PagesManager

# Streamlit treats an app beside a pages/ folder as a legacy multipage app until app.py's
# st.navigation has run once in the server process. Until then a shared deep link (/history?…)
# opened first on a fresh server would run its page alone: no navigation, no wide layout. So here
# the process is switched to app.py's navigation and the run restarts through app.py, with the
# reader's URL intact.
if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    rerun()
