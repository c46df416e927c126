// Groups and workshops: the list of events, or one event with who registered and who came.
import { useNavigation } from '../../shared/navigation';
import { EventDetail } from './EventDetail';
import { EventList } from './EventList';

export function GroupsScreen() {
  const { route } = useNavigation();
  const eventId = route.name === 'groups' ? route.eventId : undefined;
  return eventId ? <EventDetail key={eventId} eventId={eventId} /> : <EventList />;
}
