namespace VssBot.Dialogs.Runtime;

/// <summary>Reads a prompt's options from its stack entry without knowing its value type.</summary>
public static class PromptInstance
{
    public static PromptOptions? OptionsOf(DialogInstance instance) => instance.State.Get<PromptOptions>("options");

    /// <summary>The question the student is answering: the innermost prompt under the given context.</summary>
    public static PromptOptions? Current(DialogContext dc)
    {
        var context = dc;
        while (context.ActiveDialog is { } active)
        {
            if (context.FindDialog(active.Id) is ComponentDialog component)
                context = component.CreateInnerContext(context, active);
            else
                return OptionsOf(active);
        }
        return null;
    }
}
