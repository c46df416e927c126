// The one part of jStat (npm "jstat", which ships no types) this project uses: Student's t
// quantile, for confidence intervals on small samples.
declare module 'jstat' {
  const jStat: {
    studentt: {
      /** The value below which a proportion `p` of Student's t distribution with `dof` degrees of freedom lies. */
      inv(p: number, dof: number): number;
    };
  };
  export default jStat;
}
