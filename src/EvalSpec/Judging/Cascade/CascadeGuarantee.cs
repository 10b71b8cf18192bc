namespace EvalSpec.Judging;

/// <summary>
/// The agreement level a calibrated <see cref="JudgeCascade"/> guarantees: on the outputs it decides, it agrees with people at
/// least <paramref name="Target"/> of the time, except with probability at most <paramref name="Risk"/> over the draw of the
/// calibration items (assuming the outputs judged now are like those items).
/// </summary>
/// <param name="Target">The agreement with people, in (0, 1).</param>
/// <param name="Risk">The allowed probability that the guarantee fails, in (0, 1).</param>
/// <param name="CalibrationItems">How many labelled items the thresholds were fitted on.</param>
public sealed record CascadeGuarantee(double Target, double Risk, int CalibrationItems);
