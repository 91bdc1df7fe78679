namespace Migrations.Runtime.Output;

/// <summary>"Next:" and numbered commands, each with what it does, the explanations lined up.</summary>
internal static class NextSteps
{
    public static void Write(TextWriter output, params (string Command, string Why)[] steps)
    {
        var width = steps.Max(step => step.Command.Length);
        output.WriteLine("Next:");
        for (var index = 0; index < steps.Length; index++)
        {
            output.WriteLine($"  {index + 1}. {steps[index].Command.PadRight(width)}   {steps[index].Why}");
        }
    }
}
