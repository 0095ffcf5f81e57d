// KaTeX's mhchem extension registers \ce and \pu on import and exports nothing.
declare module 'katex/contrib/mhchem';
