// A namespace the state type binder must refuse.
namespace Outside;

public sealed class Gadget
{
    public string? Command { get; set; }
}
