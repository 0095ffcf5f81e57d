// KaTeX's mhchem extension registers \ce and \pu on import and exports nothing.
declare module 'katex/contrib/mhchem';
// copy-tex installs a document copy handler on import and exports nothing we use.
declare module 'katex/contrib/copy-tex';
