"""The web app's parts that `server.py` puts together: the analysis processes (`lanes`, `work`), the HTTP
edges (`protocol`), the corpus pages (`browse`), and the HTML pages and templates (`pages`, `templates/`,
`index.js` for the form)."""
