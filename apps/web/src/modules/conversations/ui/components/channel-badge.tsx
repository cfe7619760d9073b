import type { Channel } from "@echo/backend/convex/lib/validators";
import { Badge } from "@echo/ui/components/badge";
import { MessageCircleIcon, MessagesSquareIcon, PhoneIcon } from "lucide-react";
import { useTranslations } from "next-intl";

const ICONS = { chat: MessagesSquareIcon, voice: PhoneIcon, whatsapp: MessageCircleIcon };

/** Which channel a conversation came in on (the widget's chat, a voice call, WhatsApp). */
export function ChannelBadge({ channel }: { channel: Channel }) {
  const t = useTranslations("channels");
  const Icon = ICONS[channel];
  return (
    <Badge
      variant={channel === "whatsapp" ? "success" : "outline"}
      className="shrink-0 gap-1"
      data-testid="channel-badge"
      data-channel={channel}
    >
      <Icon aria-hidden className="size-3" />
      {t(channel)}
    </Badge>
  );
}
