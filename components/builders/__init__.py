"""Pure builders: DataFrames in, Plotly figures, tables, text or standalone HTML out. No Streamlit here."""
