"""Alliance Explorer's working parts, in three packages:

- `components.data`: the data contract, the vocabulary of its allowed values, reading and validating a folder;
- `components.builders`: pure builders (DataFrames in, figures, tables, text or HTML out);
- `components.app`: the Streamlit glue (the cached store, widgets bound to the URL, cards, navigation).

Only `components.app` imports Streamlit, so the data layer and the builders test and run without it.
"""
