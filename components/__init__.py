"""Alliance Explorer's working parts: data contract and loading, pure figure and network builders,
filters and exports. Modules that import Streamlit (store, ui, site) are the only ones that touch it."""
