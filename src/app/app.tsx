export function App() {
  return <main><h1>Stepwise</h1></main>;
}
